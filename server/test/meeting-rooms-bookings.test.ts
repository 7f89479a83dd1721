import { bookingRoutes as b, meetingRoomRoutes as m, type MeetingRoom } from '@dayuan/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, meetingRoomsGuests } from '../src/platform/db/schema.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ORGANIZER = 'E0030';
const ATTENDEE = 'E0031';
const OTHER_STAFF = 'E0032';
const ADMIN = 'E0001';
const TOMORROW = cstDay(1);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let rooms: Record<string, MeetingRoom>;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
  rooms = await kit.rooms();
});
afterAll(() => t.close());

/** A booking body for tomorrow in a demo room. */
const slot = (code: string, startTime: string, endTime: string, title = '工作例会') => ({
  roomId: rooms[code]!.id,
  title,
  date: TOMORROW,
  startTime,
  endTime,
});

const refused = (code: string, path: string, issue: string | RegExp) => ({
  ok: false,
  body: {
    code,
    details: [{ path, issue: typeof issue === 'string' ? issue : expect.stringMatching(issue) }],
  },
});

describe('booking', () => {
  it('books with staff attendees, guests and service needs; guest phones are masked and encrypted', async () => {
    const attendee = await kit.personId(ATTENDEE);
    const booking = okBody(
      await kit.book(ORGANIZER, {
        ...slot('B1-402', '09:00', '10:00', '周例会'),
        attendeeIds: [attendee, attendee],
        guests: [{ name: '钱外宾', phone: '+86 138-1234-5678', company: '省发改委' }],
        services: ['tea', 'name_cards'],
      }),
    );
    expect(booking).toMatchObject({
      status: 'booked',
      title: '周例会',
      room: { name: '小会议室', building: '1号办公楼', floor: 4 },
      organizer: { name: kit.name(ORGANIZER) },
      attendees: [{ id: attendee }],
      guests: [{ name: '钱外宾', phoneMasked: '138****5678', company: '省发改委' }],
      services: ['tea', 'name_cards'],
    });
    expect(new Date(booking.start).toISOString()).toBe(new Date(`${TOMORROW}T09:00:00+08:00`).toISOString());
    expect(JSON.stringify(booking)).not.toContain('13812345678');
    const [guest] = await t.db
      .select()
      .from(meetingRoomsGuests)
      .where(eq(meetingRoomsGuests.bookingId, booking.id));
    expect(guest!.phoneEnc).not.toContain('13812345678');
    expect(guest!.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await t.db.$count(
        auditLog,
        and(eq(auditLog.action, 'meeting_rooms.booking.created'), eq(auditLog.entityId, booking.id)),
      ),
    ).toBe(1);

    // The attendee sees it among their bookings and may open it; other staff may not; admins may.
    const mine = okBody(await t.call(b.mine, { token: await kit.token(ATTENDEE) }));
    expect(mine.items.map((i) => i.id)).toContain(booking.id);
    const other = await t.call(b.get, { token: await kit.token(OTHER_STAFF), params: { id: booking.id } });
    expect(other).toMatchObject({ status: 403, body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' } });
    okBody(await t.call(b.get, { token: await kit.token(ADMIN), params: { id: booking.id } }));
  });

  it('names the clashing booking; back-to-back is fine', async () => {
    okBody(await kit.book(ORGANIZER, slot('B1-202', '09:00', '10:00', '周例会')));
    expect(await kit.book(OTHER_STAFF, slot('B1-202', '09:30', '10:30'))).toMatchObject({
      status: 409,
      ...refused('MEETING_ROOMS_SLOT_TAKEN', 'body.startTime', '与 09:00–10:00「周例会」冲突'),
    });
    okBody(await kit.book(OTHER_STAFF, slot('B1-202', '10:00', '11:00')));
    okBody(await kit.book(OTHER_STAFF, slot('B1-202', '08:00', '09:00')));
  });

  it('frees the slot on cancel, for the organizer or an admin only, once', async () => {
    const first = okBody(await kit.book(ORGANIZER, slot('B1-302', '14:00', '15:00', '专题会')));
    const stranger = await t.call(b.cancel, {
      token: await kit.token(OTHER_STAFF),
      params: { id: first.id },
    });
    expect(stranger).toMatchObject({ status: 403, body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' } });
    const cancelled = okBody(
      await t.call(b.cancel, { token: await kit.token(ORGANIZER), params: { id: first.id } }),
    );
    expect(cancelled.status).toBe('cancelled');
    const again = await t.call(b.cancel, { token: await kit.token(ORGANIZER), params: { id: first.id } });
    expect(again).toMatchObject({ status: 409, body: { code: 'MEETING_ROOMS_NOT_CANCELLABLE' } });

    const rebooked = okBody(await kit.book(OTHER_STAFF, slot('B1-302', '14:00', '15:00', '改约会')));
    const byAdmin = okBody(
      await t.call(b.cancel, { token: await kit.token(ADMIN), params: { id: rebooked.id } }),
    );
    expect(byAdmin.status).toBe('cancelled');
  });

  it('holds the slot of a restricted room while the booking waits for approval', async () => {
    const pending = okBody(await kit.book(ORGANIZER, slot('MC-201', '10:00', '11:00', '接待座谈')));
    expect(pending.status).toBe('pending');
    expect(await kit.book(OTHER_STAFF, slot('MC-201', '10:30', '11:30'))).toMatchObject({
      status: 409,
      ...refused('MEETING_ROOMS_SLOT_TAKEN', 'body.startTime', '与 10:00–11:00「接待座谈」冲突'),
    });
  });
});

describe('booking rules, each with its code and field path', () => {
  it('open hours, duration, how far ahead, end after start', async () => {
    expect(await kit.book(ORGANIZER, slot('B1-603', '07:30', '08:30'))).toMatchObject(
      refused('MEETING_ROOMS_OUTSIDE_OPEN_HOURS', 'body.startTime', '开放时间为 08:00–21:00'),
    );
    expect(await kit.book(ORGANIZER, slot('B1-603', '20:30', '21:30'))).toMatchObject(
      refused('MEETING_ROOMS_OUTSIDE_OPEN_HOURS', 'body.endTime', '开放时间为 08:00–21:00'),
    );
    expect(await kit.book(ORGANIZER, slot('B1-603', '09:00', '13:30'))).toMatchObject(
      refused('MEETING_ROOMS_TOO_LONG', 'body.endTime', '单次最长 240 分钟'),
    );
    expect(
      await kit.book(ORGANIZER, { ...slot('B1-603', '09:00', '10:00'), date: cstDay(31) }),
    ).toMatchObject(refused('MEETING_ROOMS_TOO_FAR_AHEAD', 'body.date', '最多提前 30 天预订'));
    expect(await kit.book(ORGANIZER, slot('B1-603', '10:00', '10:00'))).toMatchObject(
      refused('MEETING_ROOMS_TIME_INVALID', 'body.endTime', '结束时间须晚于开始时间'),
    );
  });

  it('minimum notice, and no booking in the past', async () => {
    // 报告厅 needs a day's notice: any time today is inside it (or already past).
    expect(await kit.book(ORGANIZER, { ...slot('MC-102', '20:00', '20:30'), date: cstDay(0) })).toMatchObject(
      refused('MEETING_ROOMS_TOO_LATE', 'body.startTime', /^(请至少提前 1440 分钟预订|开始时间已过)$/),
    );
    expect(await kit.book(ORGANIZER, { ...slot('B1-603', '00:00', '00:30'), date: cstDay(0) })).toMatchObject(
      refused('MEETING_ROOMS_TOO_LATE', 'body.startTime', '开始时间已过'),
    );
  });

  it('closures block bookings; a closure over a booking is refused', async () => {
    const admin = await kit.token(ADMIN);
    const at = (time: string) => `${TOMORROW}T${time}:00+08:00`;
    const closure = okBody(
      await t.call(m.addClosure, {
        token: admin,
        params: { id: rooms['MC-202']!.id },
        body: { start: at('14:00'), end: at('16:00'), reason: '设备检修' },
      }),
    );
    expect(await kit.book(ORGANIZER, slot('MC-202', '15:00', '16:30'))).toMatchObject({
      status: 409,
      ...refused('MEETING_ROOMS_ROOM_CLOSED', 'body.startTime', '14:00–16:00 停用：设备检修'),
    });
    const detail = okBody(await t.call(m.get, { token: admin, params: { id: rooms['MC-202']!.id } }));
    expect(detail.closures).toEqual([expect.objectContaining({ id: closure.id, reason: '设备检修' })]);

    okBody(await kit.book(ORGANIZER, slot('MC-202', '17:00', '18:00', '季度总结会')));
    const refusedClosure = await t.call(m.addClosure, {
      token: admin,
      params: { id: rooms['MC-202']!.id },
      body: { start: at('16:30'), end: at('19:00'), reason: '保洁' },
    });
    expect(refusedClosure).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_CLOSURE_CONFLICT',
        details: [{ path: 'body', issue: `17:00–18:00「季度总结会」（${kit.name(ORGANIZER)}）` }],
      },
    });

    okBody(await t.call(m.removeClosure, { token: admin, params: { id: closure.id } }));
    okBody(await kit.book(ORGANIZER, slot('MC-202', '15:00', '16:30')));
    const gone = await t.call(m.removeClosure, { token: admin, params: { id: closure.id } });
    expect(gone).toMatchObject({ status: 404, body: { code: 'MEETING_ROOMS_CLOSURE_NOT_FOUND' } });
  });

  it('unknown rooms, bookings and attendees; bad input', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect(await kit.book(ORGANIZER, { ...slot('B1-603', '09:00', '10:00'), roomId: nobody })).toMatchObject({
      status: 404,
      ...refused('MEETING_ROOMS_NOT_FOUND', 'body.roomId', '会议室不存在'),
    });
    expect(
      await kit.book(ORGANIZER, { ...slot('B1-603', '09:00', '10:00'), attendeeIds: [nobody] }),
    ).toMatchObject(
      refused('MEETING_ROOMS_ATTENDEE_NOT_FOUND', 'body.attendeeIds.0', '参会人不存在或已停用'),
    );
    const get = await t.call(b.get, { token: await kit.token(ORGANIZER), params: { id: nobody } });
    expect(get).toMatchObject({ status: 404, body: { code: 'MEETING_ROOMS_BOOKING_NOT_FOUND' } });

    const bad = await kit.book(ORGANIZER, {
      ...slot('B1-603', '9:00', '10:00'),
      date: '2026-02-30',
      title: ' ',
      guests: [{ name: '钱外宾', phone: '12345' }],
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(bad.ok ? [] : bad.body.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(['body.date', 'body.startTime', 'body.title', 'body.guests.0.phone']),
    );
  });
});

describe('finding rooms', () => {
  it('the day grid shows what holds each room, not what was cancelled', async () => {
    const building = rooms['B1-202']!.building.id;
    const grid = okBody(
      await t.call(b.availability, {
        token: await kit.token(OTHER_STAFF),
        query: { buildingId: building, date: TOMORROW },
      }),
    );
    expect(grid.rooms.map((r) => r.room.code)).toEqual(['B1-202', 'B1-302', 'B1-402', 'B1-603']);
    const b1202 = grid.rooms.find((r) => r.room.code === 'B1-202')!;
    expect(b1202.bookings.map((s) => [s.title, s.organizer])).toEqual([
      ['工作例会', kit.name(OTHER_STAFF)],
      ['周例会', kit.name(ORGANIZER)],
      ['工作例会', kit.name(OTHER_STAFF)],
    ]);
    const b1302 = grid.rooms.find((r) => r.room.code === 'B1-302')!;
    expect(b1302.bookings).toEqual([]);
    const unknown = await t.call(b.availability, {
      token: await kit.token(OTHER_STAFF),
      query: { buildingId: '00000000-0000-4000-8000-000000000000', date: TOMORROW },
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'MEETING_ROOMS_BUILDING_NOT_FOUND' } });
  });

  it('the free-room finder leaves out booked, closed, too small and under-equipped rooms', async () => {
    const find = async (query: Record<string, unknown>) =>
      okBody(
        await t.call(b.freeRooms, {
          token: await kit.token(OTHER_STAFF),
          query: { date: TOMORROW, ...query },
        }),
      ).items.map((r) => r.code);
    const free = await find({ startTime: '09:30', durationMinutes: 30 });
    expect(free).toEqual(expect.arrayContaining(['B1-302', 'B1-603', 'MC-101', 'MC-201', 'MC-202']));
    expect(free).not.toContain('B1-202');
    expect(free).not.toContain('B1-402');
    // The day after tomorrow, so that 报告厅's day of notice is met at any hour.
    expect(
      await find({
        date: cstDay(2),
        startTime: '09:30',
        durationMinutes: 30,
        minCapacity: 15,
        equipment: 'projector',
      }),
    ).toEqual(['B1-202', 'MC-101', 'MC-102', 'MC-202']);
    expect(
      await find({ startTime: '11:00', durationMinutes: 60, equipment: 'video_conference,screen' }),
    ).toEqual(['B1-603']);
    expect(await find({ startTime: '20:30', durationMinutes: 60 })).toEqual([]);
  });
});
