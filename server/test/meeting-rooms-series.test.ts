import {
  bookingRoutes as b,
  meetingRoomRoutes as m,
  type MeetingRoom,
  seriesRoutes as s,
} from '@dayuan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MeetingRoomsSweeper } from '../src/meeting-rooms/meeting-rooms-sweeper.js';
import { isoWeekday } from '../src/meeting-rooms/series-dates.js';
import { addDays } from '../src/platform/time/china-time.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ORGANIZER = 'E0030';
const OTHER_STAFF = 'E0032';
const ADMIN = 'E0001';
const TODAY = cstDay(0);
/** The first Monday at least two days ahead, and the days of that week and the next. */
const MON = [2, 3, 4, 5, 6, 7, 8].map((n) => cstDay(n)).find((d) => isoWeekday(d) === 1)!;
const day = (n: number) => addDays(MON, n);

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;
let rooms: Record<string, MeetingRoom>;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error', MEETING_ROOMS_SWEEP_MS: '0' });
  kit = meetingRoomsKit(t);
  rooms = await kit.rooms();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

/** Mon/Wed/Fri 09:00–10:00 in the video room for two weeks. */
const weekly = (over: Record<string, unknown> = {}) => ({
  roomId: rooms['B1-603']!.id,
  title: '周例会',
  frequency: 'weekly' as const,
  weekdays: [1, 3, 5],
  firstDate: MON,
  until: day(11),
  startTime: '09:00',
  endTime: '10:00',
  ...over,
});

/** A single booking 09:00–10:00. */
const single = (code: string, date: string, title: string) => ({
  roomId: rooms[code]!.id,
  title,
  date,
  startTime: '09:00',
  endTime: '10:00',
});

const call = async <R extends (typeof s)[keyof typeof s]>(employeeNo: string, r: R, opts: object) =>
  t.call(r, { token: await kit.token(employeeNo), ...opts } as never);

describe('recurring series', () => {
  it('previews clashes, books only the free occurrences, then moves, cancels one and cancels the rest', async () => {
    kit.at(TODAY, '08:00');
    okBody(await kit.book(OTHER_STAFF, single('B1-603', day(2), '处务会')));
    const at = (time: string) => `${day(4)}T${time}:00+08:00`;
    okBody(
      await t.call(m.addClosure, {
        token: await kit.token(ADMIN),
        params: { id: rooms['B1-603']!.id },
        body: { start: at('08:00'), end: at('12:00'), reason: '设备检修' },
      }),
    );

    const preview = okBody(await call(ORGANIZER, s.preview, { body: weekly() }));
    expect(preview.occurrences.map((o) => [o.date, o.clash])).toEqual([
      [day(0), null],
      [day(2), '与 09:00–10:00「处务会」冲突'],
      [day(4), '08:00–12:00 停用：设备检修'],
      [day(7), null],
      [day(9), null],
      [day(11), null],
    ]);
    expect(preview.occurrences[0]).toMatchObject({ free: true, start: `${MON}T01:00:00.000Z` });

    const created = okBody(await call(ORGANIZER, s.create, { body: weekly() }));
    expect(created.skipped).toEqual([
      { date: day(2), clash: '与 09:00–10:00「处务会」冲突' },
      { date: day(4), clash: '08:00–12:00 停用：设备检修' },
    ]);
    const series = created.series;
    expect(series).toMatchObject({ weekdays: [1, 3, 5], firstDate: MON, lastDate: day(11) });
    expect(series.occurrences.map((o) => [o.date, o.status])).toEqual([
      [day(0), 'booked'],
      [day(7), 'booked'],
      [day(9), 'booked'],
      [day(11), 'booked'],
    ]);
    expect(await kit.audits(series.id, 'meeting_rooms.series.created')).toHaveLength(1);
    const [first, second, third] = series.occurrences.map((o) => o.bookingId) as [string, string, string];

    // Move one: into the clash → coded error naming it; to a free afternoon → moved.
    const clash = await call(ORGANIZER, s.move, {
      params: { id: first },
      body: { date: day(2), startTime: '09:30', endTime: '10:30' },
    });
    expect(clash).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_SLOT_TAKEN',
        details: [{ path: 'body.startTime', issue: '与 09:00–10:00「处务会」冲突' }],
      },
    });
    const moved = okBody(
      await call(ORGANIZER, s.move, {
        params: { id: first },
        body: { date: day(1), startTime: '14:00', endTime: '15:00' },
      }),
    );
    // Each occurrence names its series, so its page can offer cancelling the rest.
    expect(moved).toMatchObject({ status: 'booked', start: `${day(1)}T06:00:00.000Z`, seriesId: series.id });
    expect(
      await call(OTHER_STAFF, s.move, {
        params: { id: first },
        body: { date: day(1), startTime: '16:00', endTime: '17:00' },
      }),
    ).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' },
    });

    // Cancel one: an occurrence is an ordinary booking.
    okBody(await t.call(b.cancel, { token: await kit.token(ORGANIZER), params: { id: second } }));
    // Cancel the rest from the second Wednesday on.
    const rest = okBody(
      await call(ORGANIZER, s.cancelRest, { params: { id: series.id }, body: { from: day(9) } }),
    );
    expect(rest.occurrences.map((o) => [o.bookingId, o.date, o.status])).toEqual([
      [first, day(1), 'booked'],
      [second, day(7), 'cancelled'],
      [third, day(9), 'cancelled'],
      [expect.any(String), day(11), 'cancelled'],
    ]);
    // The freed slots take new bookings.
    okBody(await kit.book(OTHER_STAFF, single('B1-603', day(9), '专题会')));
    expect(await call(OTHER_STAFF, s.get, { params: { id: series.id } })).toMatchObject({
      status: 403,
      body: { code: 'MEETING_ROOMS_NOT_YOUR_BOOKING' },
    });
  });

  it('refuses a series with no free occurrence, too many occurrences, or beyond the days-ahead rule', async () => {
    kit.at(TODAY, '08:00');
    const room = rooms['B1-302']!.id;
    okBody(await kit.book(OTHER_STAFF, single('B1-302', day(3), '党组会')));
    expect(
      await call(ORGANIZER, s.create, {
        body: weekly({ roomId: room, frequency: 'daily', firstDate: day(3), until: undefined, count: 1 }),
      }),
    ).toMatchObject({
      status: 409,
      body: {
        code: 'MEETING_ROOMS_SERIES_NONE_FREE',
        details: [{ path: 'body.firstDate', issue: `${day(3)}：与 09:00–10:00「党组会」冲突` }],
      },
    });
    expect(
      await call(ORGANIZER, s.preview, {
        body: weekly({ frequency: 'daily', firstDate: cstDay(1), until: cstDay(150) }),
      }),
    ).toMatchObject({
      status: 400,
      body: {
        code: 'MEETING_ROOMS_SERIES_TOO_MANY',
        details: [{ path: 'body.until', issue: '最多 100 次' }],
      },
    });
    expect(
      await call(ORGANIZER, s.create, {
        body: weekly({ frequency: 'daily', firstDate: cstDay(1), until: undefined, count: 40 }),
      }),
    ).toMatchObject({
      status: 400,
      body: {
        code: 'MEETING_ROOMS_TOO_FAR_AHEAD',
        details: [{ path: 'body.count', issue: `最多提前 30 天预订，${cstDay(31)} 超出` }],
      },
    });
    expect(
      await call(ORGANIZER, s.preview, { body: weekly({ count: 101, until: undefined }) }),
    ).toMatchObject({
      status: 400,
    });
    expect(await call(ORGANIZER, s.preview, { body: weekly({ weekdays: [] }) })).toMatchObject({
      status: 400,
    });
  });

  it('counts no-shows per series: flags it at 2, cancels the future occurrences at 3 and tells the organizer', async () => {
    kit.at(TODAY, '08:00');
    const daily = weekly({
      roomId: rooms['B1-202']!.id,
      title: '晨会',
      frequency: 'daily',
      firstDate: day(0),
      until: undefined,
      count: 5,
    });
    const { series } = okBody(await call(ORGANIZER, s.create, { body: daily }));
    const sweeper = t.app.get(MeetingRoomsSweeper);
    const view = async () => okBody(await call(ORGANIZER, s.get, { params: { id: series.id } }));

    await sweeper.sweep(kit.at(day(0), '09:10:00'));
    expect(await view()).toMatchObject({ noShows: 1, flaggedAt: null, autoCancelledAt: null });
    await sweeper.sweep(kit.at(day(1), '09:10:00'));
    expect(await view()).toMatchObject({
      noShows: 2,
      flaggedAt: `${day(1)}T01:10:00.000Z`,
      autoCancelledAt: null,
    });
    expect(await kit.notices(ORGANIZER, 'meeting-rooms.series_cancelled')).toEqual([]);

    const third = kit.at(day(2), '09:10:00');
    await sweeper.sweep(third);
    await sweeper.sweep(third); // a second sweeper finds nothing more to do
    const cancelled = await view();
    expect(cancelled).toMatchObject({ noShows: 3, autoCancelledAt: third.toISOString() });
    expect(cancelled.occurrences.map((o) => o.status)).toEqual([
      'released',
      'released',
      'released',
      'cancelled',
      'cancelled',
    ]);
    const notices = await kit.notices(ORGANIZER, 'meeting-rooms.series_cancelled');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: '周期会议已自动取消' });
    expect(notices[0]!.body).toBe(
      '您在第一会议室的周期会议「晨会」已有 3 次无人签到，之后的 2 次预订已自动取消。',
    );
    expect(await kit.audits(series.id, 'meeting_rooms.series.auto_cancelled')).toHaveLength(1);
    expect(await kit.audits(series.id, 'meeting_rooms.series.flagged')).toHaveLength(1);
  });
});
