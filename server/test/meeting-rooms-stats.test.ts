import {
  bookingLifecycleRoutes as l,
  bookingRoutes as b,
  meetingRoomRoutes as m,
  meetingRoomStatsRoutes as s,
} from '@dayuan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetingRoomsSweeper } from '../src/meeting-rooms/meeting-rooms-sweeper.js';
import { buildings } from '../src/platform/db/schema.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = 'E0001';
const ORGANIZER = 'E0030';
/** The hand-made week: Monday 2027-01-04 to Sunday 2027-01-10. */
const FROM = '2027-01-04';
const TO = '2027-01-10';

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let buildingId: string;
const roomIds: Record<'A' | 'B', string> = { A: '', B: '' };

const iso = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const admin = async () => ({ token: await kit.token(ADMIN) });
const organizer = async () => ({ token: await kit.token(ORGANIZER) });

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
  const [building] = await t.db
    .insert(buildings)
    .values({ code: 'ST', name: '统计楼', floors: 3 })
    .returning();
  buildingId = building!.id;
  for (const [key, code, openFrom, openUntil] of [
    ['A', 'A-1', '08:00', '18:00'],
    ['B', 'B-1', '09:00', '17:00'],
  ] as const) {
    const room = okBody(
      await t.call(m.create, {
        ...(await admin()),
        body: {
          buildingId,
          floor: 1,
          code,
          name: `统计室${key}`,
          capacity: 10,
          openFrom,
          openUntil,
          maxDurationMinutes: 240,
          maxDaysAhead: 30,
          minNoticeMinutes: 0,
        },
      }),
    );
    roomIds[key] = room.id;
  }
  await buildWeek();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

/** Plays the week through the API with the meeting-room clock: book, check in, end early, cancel, no-shows. */
async function buildWeek() {
  kit.at(FROM, '07:00:00');
  const book = async (room: 'A' | 'B', date: string, startTime: string, endTime: string) =>
    okBody(await kit.book(ORGANIZER, { roomId: roomIds[room], title: '统计会', date, startTime, endTime }))
      .id;
  const a1 = await book('A', '2027-01-04', '09:00', '10:00');
  const a2 = await book('A', '2027-01-04', '14:00', '15:00');
  await book('A', '2027-01-06', '10:00', '11:00'); // nobody comes: released
  const a4 = await book('A', '2027-01-07', '10:00', '11:00'); // cancelled
  const a5 = await book('A', '2027-01-11', '09:00', '10:00'); // after the period
  const b1 = await book('B', '2027-01-10', '10:00', '12:00');
  await book('B', '2027-01-05', '09:00', '10:00'); // nobody comes: released

  const close = async (room: 'A' | 'B', start: string, end: string) =>
    okBody(
      await t.call(m.addClosure, {
        ...(await admin()),
        params: { id: roomIds[room] },
        body: { start, end, reason: '设备检修' },
      }),
    );
  // A: two overlapping closures, 08:00–11:00 within open hours (180 min); one after the period.
  await close('A', iso('2027-01-05', '07:00'), iso('2027-01-05', '10:00'));
  await close('A', iso('2027-01-05', '09:00'), iso('2027-01-05', '11:00'));
  await close('A', iso('2027-01-12', '00:00'), iso('2027-01-13', '00:00'));
  // B: overnight, 16:00–17:00 and 09:00–10:00 within open hours (120 min).
  await close('B', iso('2027-01-09', '16:00'), iso('2027-01-10', '10:00'));

  const checkIn = async (id: string, date: string, time: string) => {
    kit.at(date, `${time}:00`);
    okBody(await t.call(l.checkIn, { ...(await organizer()), params: { id } }));
  };
  await checkIn(a1, '2027-01-04', '09:00');
  await checkIn(a2, '2027-01-04', '14:00');
  kit.at('2027-01-04', '14:20:00');
  okBody(await t.call(l.end, { ...(await organizer()), params: { id: a2 } }));
  okBody(await t.call(b.cancel, { ...(await organizer()), params: { id: a4 } }));
  expect(await t.app.get(MeetingRoomsSweeper).sweep(new Date(iso('2027-01-06', '10:10')))).toMatchObject({
    released: 2,
  });
  await checkIn(b1, '2027-01-10', '10:00');
  await checkIn(a5, '2027-01-11', '09:00');
}

const stats = async (query: Record<string, unknown>) => t.call(s.stats, { ...(await admin()), query });

describe('meeting-room statistics', () => {
  it('figures per room and in total for a hand-made week', async () => {
    const res = okBody(await stats({ from: FROM, to: TO, buildingId }));
    const A = { openMinutes: 7 * 600 - 180, usedMinutes: 60 + 20, bookings: 3, noShows: 1 };
    const B = { openMinutes: 7 * 480 - 120, usedMinutes: 120, bookings: 2, noShows: 1 };
    expect(res).toEqual({
      from: FROM,
      to: TO,
      rooms: [
        {
          room: { id: roomIds.A, name: '统计室A', building: '统计楼', floor: 1 },
          ...A,
          utilisation: 80 / 4020,
          noShowRate: 1 / 3,
        },
        {
          room: { id: roomIds.B, name: '统计室B', building: '统计楼', floor: 1 },
          ...B,
          utilisation: 120 / 3240,
          noShowRate: 1 / 2,
        },
      ],
      total: {
        openMinutes: 7260,
        usedMinutes: 200,
        utilisation: 200 / 7260,
        bookings: 5,
        noShows: 2,
        noShowRate: 2 / 5,
      },
    });

    // One day: Tuesday has A's closures and B's no-show.
    const tuesday = okBody(await stats({ from: '2027-01-05', to: '2027-01-05', buildingId }));
    expect(tuesday.rooms.map((r) => [r.openMinutes, r.usedMinutes, r.bookings, r.noShows])).toEqual([
      [420, 0, 0, 0],
      [480, 0, 1, 1],
    ]);
    expect(tuesday.total).toMatchObject({ utilisation: 0, noShowRate: 1 });
  });

  it('without a building: every meeting room; rooms without bookings have zero rates', async () => {
    const res = okBody(await stats({ from: FROM, to: TO }));
    expect(res.rooms).toHaveLength(10);
    expect(res.total).toMatchObject({ usedMinutes: 200, bookings: 5, noShows: 2 });
    expect(res.rooms.find((r) => r.room.name === '小会议室')).toMatchObject({
      usedMinutes: 0,
      utilisation: 0,
      bookings: 0,
      noShowRate: 0,
    });
  });

  it('refuses more than 92 days, an end before the start, an unknown building and non-admins', async () => {
    okBody(await stats({ from: '2027-01-01', to: '2027-04-02' }));
    expect(await stats({ from: '2027-01-01', to: '2027-04-03' })).toMatchObject({
      status: 400,
      body: {
        code: 'MEETING_ROOMS_STATS_RANGE_TOO_LONG',
        details: [{ path: 'query.to', issue: '统计区间最长 92 天，当前为 93 天' }],
      },
    });
    expect(await stats({ from: TO, to: FROM })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: [{ path: 'query.to' }] },
    });
    expect(
      await stats({ from: FROM, to: TO, buildingId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ status: 404, body: { code: 'MEETING_ROOMS_BUILDING_NOT_FOUND' } });
    const staff = await t.call(s.stats, { ...(await organizer()), query: { from: FROM, to: TO } });
    expect(staff).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
  });
});
