import { demoCompound } from '@dayuan/mocks';
import {
  bookingRoutes as b,
  meetingRoomRoutes as m,
  type MeetingRoom,
  type RouteBody,
  type Session,
} from '@dayuan/shared';
import { and, eq } from 'drizzle-orm';
import { vi } from 'vitest';
import { MeetingRoomsClock } from '../../src/meeting-rooms/clock.js';
import { auditLog, notifications, people } from '../../src/platform/db/schema.js';
import { okBody, type TestApp } from './test-app.js';

/** Helpers for the meeting-room tests: sign-ins once per file, rooms by code, people by employee number. */
export function meetingRoomsKit(t: TestApp) {
  const sessions = new Map<string, Promise<Session>>();
  const kit = {
    async token(employeeNo: string) {
      let s = sessions.get(employeeNo);
      if (!s) {
        s = t.loginAs(employeeNo);
        sessions.set(employeeNo, s);
      }
      return (await s).tokens.accessToken;
    },
    name: (employeeNo: string) => demoCompound.people.find((p) => p.employeeNo === employeeNo)!.name,
    async personId(employeeNo: string) {
      const [row] = await t.db
        .select({ id: people.id })
        .from(people)
        .where(eq(people.employeeNo, employeeNo));
      return row!.id;
    },
    /** Every meeting room, by room code (`B1-202`). */
    async rooms(): Promise<Record<string, MeetingRoom>> {
      const { items } = okBody(await t.call(m.list, { token: await kit.token('E0030') }));
      return Object.fromEntries(items.map((room) => [room.code, room]));
    },
    book(employeeNo: string, body: RouteBody<typeof b.create>) {
      return kit.token(employeeNo).then((token) => t.call(b.create, { token, body }));
    },
    /** Sets the meeting-room clock to a China time: `at('2026-11-24', '08:55:00')`. */
    at(date: string, time: string) {
      const now = new Date(`${date}T${time}+08:00`);
      vi.spyOn(t.app.get(MeetingRoomsClock), 'now').mockReturnValue(now);
      return now;
    },
    /** Notifications of one template to a person, oldest first. */
    async notices(employeeNo: string, template: string) {
      return t.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.personId, await kit.personId(employeeNo)),
            eq(notifications.template, template),
          ),
        )
        .orderBy(notifications.createdAt);
    },
    /** Audit rows of one action on one booking. */
    audits(bookingId: string, action: string) {
      return t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, bookingId), eq(auditLog.action, action)));
    },
  };
  return kit;
}
