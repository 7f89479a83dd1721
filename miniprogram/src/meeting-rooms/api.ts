import {
  bookingLifecycleRoutes as l,
  bookingRoutes as b,
  directoryRoutes,
  meetingRoomRoutes as r,
  meetingRoomStatsRoutes as st,
  seriesRoutes as s,
  serviceTaskRoutes as t,
  type ParsedBody,
  type RouteBody,
  type RouteQuery,
  type RouteRes,
} from '@dayuan/shared';
import { call } from '@/services/request';

export type Room = RouteRes<typeof r.list>['items'][number];
export type RoomDetail = RouteRes<typeof r.get>;
export type Availability = RouteRes<typeof b.availability>;
export type DayRow = Availability['rooms'][number];
export type Slot = DayRow['bookings'][number];
export type FreeRoomQuery = RouteQuery<typeof b.freeRooms>;
/** What the booking form sends once it passed the shared schema. */
export type BookingBody = ParsedBody<typeof b.create>;
export type SeriesBody = ParsedBody<typeof s.preview>;
export type SeriesPreview = RouteRes<typeof s.preview>;
export type SeriesCreated = RouteRes<typeof s.create>;
export type Decision = RouteBody<typeof l.decide>;
export type MoveBody = RouteBody<typeof s.move>;
export type ServiceTaskQuery = RouteQuery<typeof t.list>;
export type StatsQuery = RouteQuery<typeof st.stats>;
export type RoomBody = ParsedBody<typeof r.create>;
export type ClosureBody = ParsedBody<typeof r.addClosure>;
export type Closure = RouteRes<typeof r.addClosure>;

/** How many people a directory search lists. */
const PEOPLE_SEARCH_SIZE = 10;

/** The meeting-rooms subpackage's door to the server: one line per route. */
export const meetingRoomsApi = {
  rooms: (query: RouteQuery<typeof r.list> = {}) => call(r.list, { query }),
  room: (id: string) => call(r.get, { params: { id } }),
  availability: (buildingId: string, date: string) => call(b.availability, { query: { buildingId, date } }),
  freeRooms: (query: FreeRoomQuery) => call(b.freeRooms, { query }),
  book: (body: BookingBody) => call(b.create, { body }),
  mine: (when: 'upcoming' | 'past', page: number, pageSize: number) =>
    call(b.mine, { query: { when, page, pageSize } }),
  booking: (id: string) => call(b.get, { params: { id } }),
  cancel: (id: string) => call(b.cancel, { params: { id } }),

  approvals: (page: number, pageSize: number) => call(l.approvals, { query: { page, pageSize } }),
  decide: (id: string, body: Decision) => call(l.decide, { params: { id }, body }),
  checkIn: (id: string) => call(l.checkIn, { params: { id } }),
  checkInAtRoom: (roomId: string) => call(l.checkInAtRoom, { params: { id: roomId } }),
  end: (id: string) => call(l.end, { params: { id } }),
  extend: (id: string, endTime: string) => call(l.extend, { params: { id }, body: { endTime } }),

  previewSeries: (body: SeriesBody) => call(s.preview, { body }),
  bookSeries: (body: SeriesBody) => call(s.create, { body }),
  series: (id: string) => call(s.get, { params: { id } }),
  cancelSeriesFrom: (id: string, from: string) => call(s.cancelRest, { params: { id }, body: { from } }),
  move: (id: string, body: MoveBody) => call(s.move, { params: { id }, body }),

  serviceTasks: (query: ServiceTaskQuery) => call(t.list, { query }),
  acceptTask: (id: string) => call(t.accept, { params: { id } }),
  finishTask: (id: string) => call(t.done, { params: { id } }),

  stats: (query: StatsQuery) => call(st.stats, { query }),

  createRoom: (body: RoomBody) => call(r.create, { body }),
  updateRoom: (id: string, body: RoomBody) => call(r.update, { params: { id }, body }),
  addClosure: (roomId: string, body: ClosureBody) => call(r.addClosure, { params: { id: roomId }, body }),
  removeClosure: (id: string) => call(r.removeClosure, { params: { id } }),
  doorCode: (roomId: string) => call(r.doorCode, { params: { id: roomId } }),

  /** Staff whose name or employee number starts with `q`: who can attend. */
  searchPeople: (q: string) =>
    call(directoryRoutes.people, { query: { q, page: 1, pageSize: PEOPLE_SEARCH_SIZE } }),
};
