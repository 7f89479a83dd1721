import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { transition } from '../platform/db/transition.js';
import {
  buildings,
  departments,
  meetingRoomsAttendees,
  meetingRoomsBookings,
  meetingRoomsGuests,
  meetingRoomsServiceTasks,
  people,
  personRoles,
  rooms,
  visitorsVisits,
} from '../platform/db/schema.js';
import { overlaps } from './slot-time.js';

export type BookingRow = typeof meetingRoomsBookings.$inferSelect;
export type BookingStatusValue = BookingRow['status'];
export type GuestRow = typeof meetingRoomsGuests.$inferSelect;

/** Statuses that hold their slot: the same list as the exclusion constraint's WHERE. */
export const SLOT_HOLDING: BookingStatusValue[] = ['pending', 'booked', 'checked_in'];

/** A booking with what every view shows. */
export interface BookingWithNames {
  booking: BookingRow;
  roomName: string;
  floor: number;
  buildingName: string;
  organizerName: string;
  department: string | null;
}

/** A meeting guest's visitor pass as the organizer sees it. */
export interface GuestPass {
  visitId: string;
  status: (typeof visitorsVisits.$inferSelect)['status'];
  windowStart: Date;
  windowEnd: Date;
}

export interface ServiceTaskSummaryRow {
  id: string;
  service: (typeof meetingRoomsServiceTasks.$inferSelect)['service'];
  status: (typeof meetingRoomsServiceTasks.$inferSelect)['status'];
  staff: string | null;
  doneAt: Date | null;
}

export interface BookingDetail extends BookingWithNames {
  attendees: { id: string; name: string }[];
  guests: (GuestRow & { pass: GuestPass | null })[];
  serviceTasks: ServiceTaskSummaryRow[];
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(
    tx: Tx,
    booking: typeof meetingRoomsBookings.$inferInsert,
    attendeeIds: string[],
    guests: Omit<typeof meetingRoomsGuests.$inferInsert, 'bookingId'>[],
  ): Promise<BookingRow> {
    const [row] = await tx.insert(meetingRoomsBookings).values(booking).returning();
    if (attendeeIds.length > 0) {
      await tx
        .insert(meetingRoomsAttendees)
        .values(attendeeIds.map((personId) => ({ bookingId: row!.id, personId })));
    }
    if (guests.length > 0) {
      await tx.insert(meetingRoomsGuests).values(guests.map((g) => ({ ...g, bookingId: row!.id })));
    }
    return row!;
  }

  /** Slot-holding bookings of the given rooms overlapping `[start, end)`, with organizer names. */
  holding(roomIds: string[], start: Date, end: Date, tx: Db | Tx = this.db) {
    if (roomIds.length === 0) return Promise.resolve([]);
    return tx
      .select({ booking: meetingRoomsBookings, organizerName: people.name })
      .from(meetingRoomsBookings)
      .innerJoin(people, eq(people.id, meetingRoomsBookings.organizerId))
      .where(
        and(
          inArray(meetingRoomsBookings.roomId, roomIds),
          inArray(meetingRoomsBookings.status, SLOT_HOLDING),
          overlaps(meetingRoomsBookings.during, start, end),
        ),
      )
      .orderBy(sql`lower(${meetingRoomsBookings.during})`);
  }

  /** Active people among `ids`. */
  async activePeople(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, ids), eq(people.status, 'active')));
  }

  async get(id: string, tx: Db | Tx = this.db): Promise<BookingRow | undefined> {
    const [row] = await tx.select().from(meetingRoomsBookings).where(eq(meetingRoomsBookings.id, id));
    return row;
  }

  async find(id: string): Promise<BookingDetail | undefined> {
    const [row] = await this.details(await this.selectWithNames().where(eq(meetingRoomsBookings.id, id)));
    return row;
  }

  /** Changes a booking only if it still holds its slot and has not ended: the database decides races. */
  async release(tx: Tx, id: string, status: BookingStatusValue, by: string): Promise<BookingRow | undefined> {
    const [row] = await tx
      .update(meetingRoomsBookings)
      .set({ status, cancelledBy: by, updatedAt: sql`now()` })
      .where(
        and(
          eq(meetingRoomsBookings.id, id),
          inArray(meetingRoomsBookings.status, SLOT_HOLDING),
          sql`upper(${meetingRoomsBookings.during}) > now()`,
        ),
      )
      .returning();
    return row;
  }

  /** Moves a booking only if it is still in one of `from` (and `extra` holds): the database decides races. */
  async transition(
    tx: Tx,
    id: string,
    from: BookingStatusValue[],
    set: PgUpdateSetSource<typeof meetingRoomsBookings>,
    extra?: SQL,
  ): Promise<BookingRow | undefined> {
    return transition(tx, meetingRoomsBookings, id, from, set, extra);
  }

  /** Moves every booking in `from` matching `where` to `status`, once: concurrent sweepers split the rows. */
  moveAll(tx: Tx, from: BookingStatusValue, status: BookingStatusValue, where: SQL) {
    return tx
      .update(meetingRoomsBookings)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(meetingRoomsBookings.status, from), where))
      .returning();
  }

  /** Erases the guests of meetings that ended by `cutoff`: name, phone and company; returns how many. */
  async eraseGuests(tx: Tx, cutoff: Date, now: Date): Promise<number> {
    const rows = await tx
      .update(meetingRoomsGuests)
      .set({ name: '已删除', phoneEnc: null, phoneHash: null, company: null, erasedAt: now })
      .where(
        and(
          isNull(meetingRoomsGuests.erasedAt),
          exists(
            tx
              .select({ one: sql`1` })
              .from(meetingRoomsBookings)
              .where(
                and(
                  eq(meetingRoomsBookings.id, meetingRoomsGuests.bookingId),
                  sql`upper(${meetingRoomsBookings.during}) <= ${cutoff.toISOString()}::timestamptz`,
                ),
              ),
          ),
        ),
      )
      .returning({ id: meetingRoomsGuests.id });
    return rows.length;
  }

  /** Pending bookings, earliest deadline first; `departmentIds` null = all of them. */
  async pending(departmentIds: string[] | null, page: number, pageSize: number) {
    if (departmentIds?.length === 0) return { items: [], total: 0 };
    const where = and(
      eq(meetingRoomsBookings.status, 'pending'),
      departmentIds ? inArray(meetingRoomsBookings.departmentId, departmentIds) : undefined,
    );
    const [total] = await this.db.select({ n: count() }).from(meetingRoomsBookings).where(where);
    const rows = await this.selectWithNames()
      .where(where)
      .orderBy(asc(meetingRoomsBookings.approvalDeadline), asc(meetingRoomsBookings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items: await this.details(rows), total: total?.n ?? 0 };
  }

  /**
   * The person's slot-holding booking in a room whose check-in window has opened and that has not ended,
   * earliest first.
   */
  async currentOf(roomId: string, personId: string, opensBefore: number, now: Date) {
    const [row] = await this.db
      .select({ id: meetingRoomsBookings.id })
      .from(meetingRoomsBookings)
      .where(
        and(
          eq(meetingRoomsBookings.roomId, roomId),
          inArray(meetingRoomsBookings.status, ['booked', 'checked_in']),
          sql`lower(${meetingRoomsBookings.during}) <= ${new Date(now.getTime() + opensBefore).toISOString()}::timestamptz`,
          sql`upper(${meetingRoomsBookings.during}) > ${now.toISOString()}::timestamptz`,
          or(eq(meetingRoomsBookings.organizerId, personId), this.attends(personId)),
        ),
      )
      .orderBy(sql`lower(${meetingRoomsBookings.during})`)
      .limit(1);
    return row?.id;
  }

  /** Approvers of the organizer's department; the admins when it has none. */
  async approversOf(departmentId: string | null, tx: Tx): Promise<string[]> {
    const holders = (role: string, scoped: SQL | undefined) =>
      tx
        .select({ id: personRoles.personId })
        .from(personRoles)
        .innerJoin(people, eq(people.id, personRoles.personId))
        .where(and(eq(personRoles.role, role), eq(people.status, 'active'), scoped));
    const approvers = departmentId
      ? await holders('approver', sql`${personRoles.scope}->'departmentIds' ? ${departmentId}`)
      : [];
    const ids = approvers.length > 0 ? approvers : await holders('admin', undefined);
    return ids.map((r) => r.id);
  }

  async roomNames(ids: string[], tx: Tx): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({ id: rooms.id, name: rooms.name })
      .from(rooms)
      .where(inArray(rooms.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Bookings a person organizes or attends: not ended yet (soonest first) or ended (latest first). */
  async ofPerson(personId: string, upcoming: boolean, page: number, pageSize: number) {
    const where = and(
      or(eq(meetingRoomsBookings.organizerId, personId), this.attends(personId)),
      upcoming
        ? sql`upper(${meetingRoomsBookings.during}) > now()`
        : sql`upper(${meetingRoomsBookings.during}) <= now()`,
    );
    const [total] = await this.db.select({ n: count() }).from(meetingRoomsBookings).where(where);
    const start = sql`lower(${meetingRoomsBookings.during})`;
    const rows = await this.selectWithNames()
      .where(where)
      .orderBy(
        ...(upcoming
          ? [asc(start), asc(meetingRoomsBookings.id)]
          : [desc(start), desc(meetingRoomsBookings.id)]),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items: await this.details(rows), total: total?.n ?? 0 };
  }

  async isAttendee(bookingId: string, personId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ one: sql`1` })
      .from(meetingRoomsAttendees)
      .where(
        and(eq(meetingRoomsAttendees.bookingId, bookingId), eq(meetingRoomsAttendees.personId, personId)),
      );
    return !!row;
  }

  private attends(personId: string) {
    return exists(
      this.db
        .select({ one: sql`1` })
        .from(meetingRoomsAttendees)
        .where(
          and(
            eq(meetingRoomsAttendees.bookingId, meetingRoomsBookings.id),
            eq(meetingRoomsAttendees.personId, personId),
          ),
        ),
    );
  }

  private async details(rows: BookingWithNames[]): Promise<BookingDetail[]> {
    const ids = rows.map((r) => r.booking.id);
    if (ids.length === 0) return [];
    const [attendees, guests, tasks] = await Promise.all([
      this.db
        .select({ bookingId: meetingRoomsAttendees.bookingId, id: people.id, name: people.name })
        .from(meetingRoomsAttendees)
        .innerJoin(people, eq(people.id, meetingRoomsAttendees.personId))
        .where(inArray(meetingRoomsAttendees.bookingId, ids))
        .orderBy(asc(people.employeeNo)),
      this.db
        .select({
          guest: meetingRoomsGuests,
          visitId: visitorsVisits.id,
          status: visitorsVisits.status,
          windowStart: visitorsVisits.windowStart,
          windowEnd: visitorsVisits.windowEnd,
        })
        .from(meetingRoomsGuests)
        .leftJoin(visitorsVisits, eq(visitorsVisits.meetingGuestId, meetingRoomsGuests.id))
        .where(inArray(meetingRoomsGuests.bookingId, ids))
        .orderBy(asc(meetingRoomsGuests.name), asc(meetingRoomsGuests.id)),
      this.db
        .select({
          bookingId: meetingRoomsServiceTasks.bookingId,
          id: meetingRoomsServiceTasks.id,
          service: meetingRoomsServiceTasks.service,
          status: meetingRoomsServiceTasks.status,
          staff: people.name,
          doneAt: meetingRoomsServiceTasks.doneAt,
        })
        .from(meetingRoomsServiceTasks)
        .leftJoin(people, eq(people.id, meetingRoomsServiceTasks.acceptedBy))
        .where(inArray(meetingRoomsServiceTasks.bookingId, ids))
        .orderBy(asc(meetingRoomsServiceTasks.service)),
    ]);
    return rows.map((r) => ({
      ...r,
      attendees: attendees.filter((a) => a.bookingId === r.booking.id).map(({ id, name }) => ({ id, name })),
      guests: guests
        .filter((g) => g.guest.bookingId === r.booking.id)
        .map(({ guest, visitId, status, windowStart, windowEnd }) => ({
          ...guest,
          pass:
            visitId && status && windowStart && windowEnd
              ? { visitId, status, windowStart, windowEnd }
              : null,
        })),
      serviceTasks: tasks
        .filter((t) => t.bookingId === r.booking.id)
        .map(({ bookingId: _, ...task }) => task),
    }));
  }

  private selectWithNames() {
    return this.db
      .select({
        booking: meetingRoomsBookings,
        roomName: rooms.name,
        floor: rooms.floor,
        buildingName: buildings.name,
        organizerName: people.name,
        department: departments.name,
      })
      .from(meetingRoomsBookings)
      .innerJoin(rooms, eq(rooms.id, meetingRoomsBookings.roomId))
      .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
      .innerJoin(people, eq(people.id, meetingRoomsBookings.organizerId))
      .leftJoin(departments, eq(departments.id, meetingRoomsBookings.departmentId))
      .$dynamic();
  }
}
