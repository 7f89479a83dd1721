import { Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import {
  buildings,
  departments,
  meetingRoomsAttendees,
  meetingRoomsBookings,
  meetingRoomsGuests,
  people,
  rooms,
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

export interface BookingDetail extends BookingWithNames {
  attendees: { id: string; name: string }[];
  guests: GuestRow[];
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

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

  /** Bookings a person organizes or attends: not ended yet (soonest first) or ended (latest first). */
  async ofPerson(personId: string, upcoming: boolean, page: number, pageSize: number) {
    const where = and(
      or(
        eq(meetingRoomsBookings.organizerId, personId),
        exists(
          this.db
            .select({ one: sql`1` })
            .from(meetingRoomsAttendees)
            .where(
              and(
                eq(meetingRoomsAttendees.bookingId, meetingRoomsBookings.id),
                eq(meetingRoomsAttendees.personId, personId),
              ),
            ),
        ),
      ),
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

  private async details(rows: BookingWithNames[]): Promise<BookingDetail[]> {
    const ids = rows.map((r) => r.booking.id);
    if (ids.length === 0) return [];
    const [attendees, guests] = await Promise.all([
      this.db
        .select({ bookingId: meetingRoomsAttendees.bookingId, id: people.id, name: people.name })
        .from(meetingRoomsAttendees)
        .innerJoin(people, eq(people.id, meetingRoomsAttendees.personId))
        .where(inArray(meetingRoomsAttendees.bookingId, ids))
        .orderBy(asc(people.employeeNo)),
      this.db
        .select()
        .from(meetingRoomsGuests)
        .where(inArray(meetingRoomsGuests.bookingId, ids))
        .orderBy(asc(meetingRoomsGuests.name)),
    ]);
    return rows.map((r) => ({
      ...r,
      attendees: attendees.filter((a) => a.bookingId === r.booking.id).map(({ id, name }) => ({ id, name })),
      guests: guests.filter((g) => g.bookingId === r.booking.id),
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
