import { z } from 'zod';
import { pageOf, PageQuerySchema } from '../common/page.js';
import { route } from '../common/route.js';
import {
  ClockTimeSchema,
  CnMobileSchema,
  DaySchema,
  IdSchema,
  IsoDateTimeSchema,
  PersonNameSchema,
} from '../common/schemas.js';
import { VisitStatus } from '../visitors/visits.contract.js';
import { ClosureSchema, EquipmentQuerySchema, MeetingRoomSchema } from './rooms.contract.js';
import { MeetingService } from './service-kinds.js';
import { ServiceTaskSummarySchema } from './services.contract.js';

/**
 * `pending` waits for an approver (restricted rooms); `pending`, `booked` and `checked_in` hold the slot,
 * the others free it. `expired`: not decided in time; `released`: nobody checked in.
 */
export const BookingStatus = z.enum([
  'pending',
  'booked',
  'checked_in',
  'cancelled',
  'rejected',
  'expired',
  'released',
]);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const bookingStatusLabels: Record<BookingStatus, string> = {
  pending: '待审批',
  booked: '已预订',
  checked_in: '已签到',
  cancelled: '已取消',
  rejected: '未通过',
  expired: '审批超时',
  released: '未签到已释放',
};

const TitleSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写会议主题' })
  .max(50, { message: '会议主题不能超过 50 个字' });

export const GuestInputSchema = z.strictObject({
  name: PersonNameSchema,
  phone: CnMobileSchema,
  company: z.string().trim().max(60, { message: '单位名称不能超过 60 个字' }).optional(),
});

export const BookingBodySchema = z.strictObject({
  roomId: IdSchema,
  title: TitleSchema,
  /** China Standard Time: a booking lies within one day, inside the room's open hours. */
  date: DaySchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
  /** Staff from the directory besides the organizer. */
  attendeeIds: z.array(IdSchema).max(200).default([]),
  guests: z.array(GuestInputSchema).max(50).default([]),
  services: z.array(MeetingService).max(MeetingService.options.length).default([]),
});

/** A booking on a day grid: enough to draw it and to name it in a conflict. */
export const SlotSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: BookingStatus,
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
  organizer: z.string(),
});

export const BookingSchema = z.object({
  id: z.string(),
  status: BookingStatus,
  title: z.string(),
  room: z.object({ id: z.string(), name: z.string(), building: z.string(), floor: z.number().int() }),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
  organizer: z.object({ id: z.string(), name: z.string(), department: z.string().nullable() }),
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  guests: z.array(
    z.object({
      name: z.string(),
      phoneMasked: z.string(),
      company: z.string().nullable(),
      /** The guest's visitor pass (会议一件事); null until the booking is confirmed. */
      pass: z
        .object({
          visitId: z.string(),
          status: VisitStatus,
          validFrom: IsoDateTimeSchema,
          validUntil: IsoDateTimeSchema,
        })
        .nullable(),
    }),
  ),
  services: z.array(MeetingService),
  serviceTasks: z.array(ServiceTaskSummarySchema),
  /** Pending bookings not decided by then are released. */
  approvalDeadline: IsoDateTimeSchema.nullable(),
  /** The approver's note; the reason when rejected. */
  decisionNote: z.string().nullable(),
  checkedInAt: IsoDateTimeSchema.nullable(),
  /** The recurring series this booking is an occurrence of. */
  seriesId: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type Booking = z.infer<typeof BookingSchema>;

export const AvailabilityQuerySchema = z.strictObject({ buildingId: IdSchema, date: DaySchema });

export const AvailabilitySchema = z.object({
  date: z.string(),
  rooms: z.array(
    z.object({ room: MeetingRoomSchema, bookings: z.array(SlotSchema), closures: z.array(ClosureSchema) }),
  ),
});

export const FreeRoomQuerySchema = z.strictObject({
  date: DaySchema,
  startTime: ClockTimeSchema,
  durationMinutes: z.coerce.number().int().min(5).max(1440),
  minCapacity: z.coerce.number().int().min(1).max(2000).optional(),
  equipment: EquipmentQuerySchema.optional(),
  buildingId: IdSchema.optional(),
});

export const MyBookingsQuerySchema = PageQuerySchema.extend({
  /** `upcoming`: not ended yet, soonest first; `past`: ended, latest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});

export const bookingErrors = ['MEETING_ROOMS_BOOKING_NOT_FOUND', 'MEETING_ROOMS_NOT_YOUR_BOOKING'] as const;

export const bookingRoutes = {
  availability: route({
    method: 'GET',
    path: '/api/meeting-rooms/availability',
    summary: 'Day grid of a building: every meeting room with the bookings and closures of one China day',
    tag: 'meeting-rooms',
    access: 'user',
    query: AvailabilityQuerySchema,
    res: AvailabilitySchema,
    errors: ['MEETING_ROOMS_BUILDING_NOT_FOUND'],
  }),
  freeRooms: route({
    method: 'GET',
    path: '/api/meeting-rooms/free-rooms',
    summary: 'Rooms that can be booked for a start time and duration, filtered by size and equipment',
    tag: 'meeting-rooms',
    access: 'user',
    query: FreeRoomQuerySchema,
    res: z.object({ items: z.array(MeetingRoomSchema) }),
    errors: [],
  }),
  create: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings',
    summary:
      'Book a room; the database refuses overlaps, and a restricted room holds the slot pending approval',
    tag: 'meeting-rooms',
    access: 'user',
    body: BookingBodySchema,
    res: BookingSchema,
    errors: [
      'MEETING_ROOMS_NOT_FOUND',
      'MEETING_ROOMS_TIME_INVALID',
      'MEETING_ROOMS_OUTSIDE_OPEN_HOURS',
      'MEETING_ROOMS_TOO_LONG',
      'MEETING_ROOMS_TOO_FAR_AHEAD',
      'MEETING_ROOMS_TOO_LATE',
      'MEETING_ROOMS_ROOM_CLOSED',
      'MEETING_ROOMS_SLOT_TAKEN',
      'MEETING_ROOMS_ATTENDEE_NOT_FOUND',
    ],
  }),
  mine: route({
    method: 'GET',
    path: '/api/meeting-rooms/bookings/mine',
    summary: 'Bookings I organize or attend',
    tag: 'meeting-rooms',
    access: 'user',
    query: MyBookingsQuerySchema,
    res: pageOf(BookingSchema),
    errors: [],
  }),
  get: route({
    method: 'GET',
    path: '/api/meeting-rooms/bookings/:id',
    summary: 'One booking (its organizer, its attendees, admins)',
    tag: 'meeting-rooms',
    access: 'user',
    res: BookingSchema,
    errors: bookingErrors,
  }),
  cancel: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/cancel',
    summary: 'Cancel a booking before it ends (organizer or admin); the slot is free at once',
    tag: 'meeting-rooms',
    access: 'user',
    res: BookingSchema,
    errors: [...bookingErrors, 'MEETING_ROOMS_NOT_CANCELLABLE'],
  }),
};
