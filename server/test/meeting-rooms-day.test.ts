import { bookingLifecycleRoutes as l, type MeetingRoom } from '@dayuan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetingRoomsSweeper } from '../src/meeting-rooms/meeting-rooms-sweeper.js';
import { cstLabel } from '../src/platform/time/china-time.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ORGANIZER = 'E0030';
const ATTENDEE = 'E0031';
const OTHER_STAFF = 'E0032';
const DAY = cstDay(3);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let rooms: Record<string, MeetingRoom>;
let sweeper: MeetingRoomsSweeper;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error', MEETING_ROOMS_SWEEP_MS: '0' });
  kit = meetingRoomsKit(t);
  rooms = await kit.rooms();
  sweeper = t.app.get(MeetingRoomsSweeper);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

const slot = (code: string, startTime: string, endTime: string, title = '工作例会', date = DAY) => ({
  roomId: rooms[code]!.id,
  title,
  date,
  startTime,
  endTime,
});

const at = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

const act = async (
  route: typeof l.checkIn | typeof l.end | typeof l.checkInAtRoom,
  employeeNo: string,
  id: string,
) => t.call(route, { token: await kit.token(employeeNo), params: { id } });

const extend = async (employeeNo: string, id: string, endTime: string) =>
  t.call(l.extend, { token: await kit.token(employeeNo), params: { id }, body: { endTime } });

describe('auto-release of bookings nobody checked in to', () => {
  it('two sweepers at once release each booking once and tell its organizer once', async () => {
    const day = cstDay(4);
    kit.at(day, '08:00');
    const codes = ['B1-202', 'B1-302', 'B1-402', 'B1-603', 'MC-101', 'MC-202'];
    const ids = await Promise.all(
      codes.map(
        async (code) => okBody(await kit.book(ORGANIZER, slot(code, '09:00', '10:00', '早会', day))).id,
      ),
    );
    const runs = await Promise.all([sweeper.sweep(at(day, '09:10')), sweeper.sweep(at(day, '09:10'))]);
    expect(runs[0]!.released + runs[1]!.released).toBe(codes.length);
    for (const id of ids) {
      expect(await kit.audits(id, 'meeting_rooms.booking.released_no_show')).toHaveLength(1);
    }
    expect(await kit.notices(ORGANIZER, 'meeting-rooms.booking_released')).toHaveLength(codes.length);
  });

  it('releases at start + 10 min, frees the slot and tells the organizer', async () => {
    kit.at(DAY, '08:00');
    const booking = okBody(await kit.book(ORGANIZER, slot('B1-603', '11:00', '12:00', '专题会')));
    expect(await sweeper.sweep(at(DAY, '11:09:59'))).toEqual({ expired: 0, released: 0, erased: 0 });
    expect(await sweeper.sweep(at(DAY, '11:10'))).toEqual({ expired: 0, released: 1, erased: 0 });
    const told = (await kit.notices(ORGANIZER, 'meeting-rooms.booking_released')).filter(
      (n) => (n.params as { bookingId: string }).bookingId === booking.id,
    );
    expect(told.map((n) => n.body)).toEqual([
      `您预订的${rooms['B1-603']!.name}（${cstLabel(at(DAY, '11:00'))}–12:00）开始 10 分钟后仍无人签到，已自动释放。`,
    ]);
    expect(await kit.audits(booking.id, 'meeting_rooms.booking.released_no_show')).toHaveLength(1);
    kit.at(DAY, '11:10');
    expect(await act(l.checkIn, ORGANIZER, booking.id)).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_NOT_CHECKABLE' },
    });
    kit.at(DAY, '11:15');
    okBody(await kit.book(OTHER_STAFF, slot('B1-603', '11:45', '12:00')));
  });
});

describe('check-in', () => {
  it('opens 5 min before the start and closes 10 min after, for the organizer and attendees', async () => {
    kit.at(DAY, '08:00');
    const attendee = await kit.personId(ATTENDEE);
    const booking = okBody(
      await kit.book(ORGANIZER, { ...slot('B1-202', '09:00', '10:00'), attendeeIds: [attendee] }),
    );
    kit.at(DAY, '08:54:59');
    expect(await act(l.checkIn, ORGANIZER, booking.id)).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_CHECK_IN_TOO_EARLY',
        details: [{ path: 'params.id', issue: expect.stringMatching(/ 08:55 起可签到$/) }],
      },
    });
    kit.at(DAY, '08:55');
    expect(await act(l.checkIn, OTHER_STAFF, booking.id)).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' },
    });
    const checkedIn = okBody(await act(l.checkIn, ATTENDEE, booking.id));
    expect(checkedIn).toMatchObject({ status: 'checked_in', checkedInAt: at(DAY, '08:55').toISOString() });
    // A second scan changes nothing.
    expect(okBody(await act(l.checkIn, ORGANIZER, booking.id)).checkedInAt).toBe(checkedIn.checkedInAt);
    expect(await kit.audits(booking.id, 'meeting_rooms.booking.checked_in')).toHaveLength(1);

    kit.at(DAY, '08:00');
    const late = okBody(await kit.book(ORGANIZER, slot('B1-302', '09:00', '10:00')));
    kit.at(DAY, '09:10');
    expect(await act(l.checkIn, ORGANIZER, late.id)).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_CHECK_IN_TOO_LATE',
        details: [{ path: 'params.id', issue: expect.stringMatching(/签到已于 .* 09:10 截止$/) }],
      },
    });
    kit.at(DAY, '09:09:59');
    expect(okBody(await act(l.checkIn, ORGANIZER, late.id)).status).toBe('checked_in');
  });

  it("by door code: the room id finds the caller's current booking there", async () => {
    kit.at(DAY, '08:00');
    const booking = okBody(await kit.book(ORGANIZER, slot('B1-402', '10:00', '11:00')));
    const room = rooms['B1-402']!.id;
    kit.at(DAY, '09:54');
    expect(await act(l.checkInAtRoom, ORGANIZER, room)).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_NO_CURRENT_BOOKING' },
    });
    kit.at(DAY, '09:56');
    expect(await act(l.checkInAtRoom, OTHER_STAFF, room)).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_NO_CURRENT_BOOKING' },
    });
    expect(okBody(await act(l.checkInAtRoom, ORGANIZER, room))).toMatchObject({
      id: booking.id,
      status: 'checked_in',
    });
    const [audit] = await kit.audits(booking.id, 'meeting_rooms.booking.checked_in');
    expect(audit!.details).toEqual({ via: 'door' });
    expect(await act(l.checkInAtRoom, ORGANIZER, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'MEETING_ROOMS_NOT_FOUND' },
    });
  });
});

describe('ending early and extending', () => {
  it('ending early frees the rest of the slot for another booking', async () => {
    kit.at(DAY, '08:00');
    const booking = okBody(await kit.book(ORGANIZER, slot('MC-101', '13:00', '15:00', '项目评审')));
    expect(await kit.book(OTHER_STAFF, slot('MC-101', '14:00', '15:00'))).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_SLOT_TAKEN' },
    });
    kit.at(DAY, '12:58');
    okBody(await act(l.checkIn, ORGANIZER, booking.id));
    expect(await act(l.end, ORGANIZER, booking.id)).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_NOT_IN_PROGRESS' },
    });
    kit.at(DAY, '13:20');
    expect(await act(l.end, OTHER_STAFF, booking.id)).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' },
    });
    const ended = okBody(await act(l.end, ORGANIZER, booking.id));
    expect(ended).toMatchObject({ status: 'checked_in', end: at(DAY, '13:20').toISOString() });
    expect(await kit.audits(booking.id, 'meeting_rooms.booking.ended_early')).toHaveLength(1);
    okBody(await kit.book(OTHER_STAFF, slot('MC-101', '14:00', '15:00')));
    expect(await act(l.end, ORGANIZER, booking.id)).toMatchObject({
      status: 409,
      body: { code: 'MEETING_ROOMS_NOT_IN_PROGRESS' },
    });
  });

  it('extends into free time; into a clash it names the booking in the way', async () => {
    kit.at(DAY, '08:00');
    const booking = okBody(await kit.book(ORGANIZER, slot('MC-202', '15:00', '16:00')));
    okBody(await kit.book(OTHER_STAFF, slot('MC-202', '17:00', '18:00', '季度总结会')));
    kit.at(DAY, '14:58');
    okBody(await act(l.checkIn, ORGANIZER, booking.id));

    kit.at(DAY, '15:30');
    const extended = okBody(await extend(ORGANIZER, booking.id, '16:30'));
    expect(extended.end).toBe(at(DAY, '16:30').toISOString());
    expect(await kit.audits(booking.id, 'meeting_rooms.booking.extended')).toHaveLength(1);
    expect(await extend(ORGANIZER, booking.id, '17:30')).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_SLOT_TAKEN',
        details: [{ path: 'body.endTime', issue: '与 17:00–18:00「季度总结会」冲突' }],
      },
    });
    expect(await extend(ORGANIZER, booking.id, '16:00')).toMatchObject({
      status: 400,
      body: { code: 'MEETING_ROOMS_TIME_INVALID', details: [{ path: 'body.endTime' }] },
    });
    expect(await extend(ORGANIZER, booking.id, '19:30')).toMatchObject({
      status: 400,
      body: {
        code: 'MEETING_ROOMS_TOO_LONG',
        details: [{ path: 'body.endTime', issue: '单次最长 240 分钟' }],
      },
    });
    expect(await extend(OTHER_STAFF, booking.id, '16:45')).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' },
    });
    expect(okBody(await extend(ORGANIZER, booking.id, '17:00')).end).toBe(at(DAY, '17:00').toISOString());
  });
});
