import { bookingRoutes as b } from '@dayuan/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../src/platform/db/client.js';
import {
  auditLog,
  meetingRoomsAttendees,
  meetingRoomsBookings,
  meetingRoomsGuests,
} from '../src/platform/db/schema.js';
import { meetingRoomsKit } from './support/meeting-rooms-kit.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { cstDay } from './support/visitors-kit.js';

const ROOMS = ['B1-202', 'B1-302', 'B1-603', 'MC-202'];
const HOURS = [9, 10, 11, 14, 15];
const CONTENDERS = 10;
const ORGANIZERS = ['E0030', 'E0031', 'E0032', 'E0033'];

let t: TestApp;
let kit: ReturnType<typeof meetingRoomsKit>;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  kit = meetingRoomsKit(t);
});
afterAll(() => t.close());

const pad = (n: number) => String(n).padStart(2, '0');

describe('a storm of conflicting bookings', () => {
  it('lets exactly one booking per room and slot through; the rest get the coded conflict', async () => {
    const rooms = await kit.rooms();
    const date = cstDay(1);
    const attendee = await kit.personId('E0040');
    const tokens = await Promise.all(ORGANIZERS.map((e) => kit.token(e)));
    // Contender k of an hour asks for hh:(5k mod 30) + 35 min: every two of one hour overlap (all hold
    // hh:30–hh:35), none reaches into another hour. Whatever the order, one per (room, hour) must win.
    const requests = ROOMS.flatMap((code) =>
      HOURS.flatMap((hour) =>
        Array.from({ length: CONTENDERS }, (_, k) => {
          const startMinute = (k % 6) * 5;
          const endMinute = startMinute + 35;
          return {
            key: `${code}@${hour}`,
            body: {
              roomId: rooms[code]!.id,
              title: `${code} ${hour} 点第 ${k} 位`,
              date,
              startTime: `${pad(hour)}:${pad(startMinute)}`,
              endTime: `${pad(hour + Math.floor(endMinute / 60))}:${pad(endMinute % 60)}`,
              attendeeIds: [attendee],
              guests: [{ name: '外单位来宾', phone: '13912345678', company: '省厅' }],
              services: ['tea' as const],
            },
          };
        }),
      ),
    );
    expect(requests).toHaveLength(200);
    requests.sort(() => Math.random() - 0.5);

    const started = performance.now();
    const results = await Promise.all(
      requests.map((r, i) => t.call(b.create, { token: tokens[i % tokens.length], body: r.body })),
    );
    const elapsed = Math.round(performance.now() - started);
    console.log(`meeting-rooms storm: 200 requests in ${elapsed} ms`);

    const winners = results.flatMap((res, i) => (res.ok ? [requests[i]!.key] : []));
    const losers = results.filter((res) => !res.ok);
    expect(new Set(winners).size).toBe(ROOMS.length * HOURS.length);
    expect(winners).toHaveLength(ROOMS.length * HOURS.length);
    expect(losers).toHaveLength(200 - ROOMS.length * HOURS.length);
    for (const res of losers) {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('MEETING_ROOMS_SLOT_TAKEN');
      expect(res.body.details[0]!.issue).toMatch(/^与 \d\d:\d\d–\d\d:\d\d「.+」冲突$/);
    }

    // Nothing half-written: the losers left no booking, attendee, guest or audit row behind.
    expect(await t.db.$count(meetingRoomsBookings)).toBe(winners.length);
    expect(await t.db.$count(meetingRoomsAttendees)).toBe(winners.length);
    expect(await t.db.$count(meetingRoomsGuests)).toBe(winners.length);
    expect(await t.db.$count(auditLog, eq(auditLog.action, 'meeting_rooms.booking.created'))).toBe(
      winners.length,
    );
    const [overlapping] = await rawRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM meeting_rooms_bookings a JOIN meeting_rooms_bookings b
          ON a.room_id = b.room_id AND a.id < b.id AND a.during && b.during`,
    );
    expect(overlapping!.n).toBe(0);
  });
});
