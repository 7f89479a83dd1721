import type { MeetingService } from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { aliasedTable, and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
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
  rooms,
} from '../platform/db/schema.js';

export type ServiceTaskRow = typeof meetingRoomsServiceTasks.$inferSelect;
export type ServiceTaskStatusValue = ServiceTaskRow['status'];

const organizer = aliasedTable(people, 'organizer');
const staff = aliasedTable(people, 'staff');
const t = meetingRoomsServiceTasks;
const b = meetingRoomsBookings;

/** A task with what the queue shows of its booking. */
export interface ServiceTaskDetail {
  task: ServiceTaskRow;
  staffName: string | null;
  booking: typeof meetingRoomsBookings.$inferSelect;
  roomName: string;
  floor: number;
  buildingName: string;
  organizerName: string;
  department: string | null;
  headcount: number;
}

/** The meeting_service queue's rows: one per (booking, service). */
@Injectable()
export class ServiceTasksRepository {
  constructor(@InjectDb() readonly db: Db) {}

  /** Tasks for a confirmed booking's services; a service already queued for it is left as it is. */
  open(tx: Tx, bookingId: string, services: MeetingService[]): Promise<ServiceTaskRow[]> {
    if (services.length === 0) return Promise.resolve([]);
    return tx
      .insert(meetingRoomsServiceTasks)
      .values(services.map((service) => ({ bookingId, service })))
      .onConflictDoNothing()
      .returning();
  }

  /** The unfinished tasks of bookings that no longer take place; returns what was cancelled. */
  cancelFor(tx: Tx, bookingIds: string[]): Promise<ServiceTaskRow[]> {
    if (bookingIds.length === 0) return Promise.resolve([]);
    return tx
      .update(meetingRoomsServiceTasks)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(
        and(
          inArray(meetingRoomsServiceTasks.bookingId, bookingIds),
          inArray(meetingRoomsServiceTasks.status, ['open', 'accepted']),
        ),
      )
      .returning();
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Tasks of meetings starting in `[start, end)` with one of `statuses`, soonest meeting first. */
  async page(start: Date, end: Date, statuses: ServiceTaskStatusValue[], page: number, pageSize: number) {
    const where = and(
      inArray(t.status, statuses),
      sql`lower(${b.during}) >= ${start.toISOString()}::timestamptz`,
      sql`lower(${b.during}) < ${end.toISOString()}::timestamptz`,
    );
    const [total] = await this.db
      .select({ n: count() })
      .from(t)
      .innerJoin(b, eq(b.id, t.bookingId))
      .where(where);
    const items = await this.selectDetail()
      .where(where)
      .orderBy(sql`lower(${b.during})`, asc(t.service), asc(t.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total: total?.n ?? 0 };
  }

  async find(id: string, tx: Db | Tx = this.db): Promise<ServiceTaskDetail | undefined> {
    const [row] = await this.selectDetail(tx).where(eq(t.id, id));
    return row;
  }

  /** Moves a task only if it is still in `from` (and `extra` holds): concurrent callers, exactly one wins. */
  async transition(
    tx: Tx,
    id: string,
    from: ServiceTaskStatusValue,
    set: PgUpdateSetSource<typeof meetingRoomsServiceTasks>,
    extra?: SQL,
  ): Promise<ServiceTaskRow | undefined> {
    return transition(tx, t, id, [from], set, extra);
  }

  private selectDetail(db: Db | Tx = this.db) {
    const attendees = sql<number>`(SELECT count(*) FROM ${meetingRoomsAttendees} WHERE ${meetingRoomsAttendees.bookingId} = ${b.id})`;
    const guests = sql<number>`(SELECT count(*) FROM ${meetingRoomsGuests} WHERE ${meetingRoomsGuests.bookingId} = ${b.id})`;
    return db
      .select({
        task: t,
        staffName: staff.name,
        booking: b,
        roomName: rooms.name,
        floor: rooms.floor,
        buildingName: buildings.name,
        organizerName: organizer.name,
        department: departments.name,
        headcount: sql<number>`(1 + ${attendees} + ${guests})::int`,
      })
      .from(t)
      .innerJoin(b, eq(b.id, t.bookingId))
      .innerJoin(rooms, eq(rooms.id, b.roomId))
      .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
      .innerJoin(organizer, eq(organizer.id, b.organizerId))
      .leftJoin(departments, eq(departments.id, b.departmentId))
      .leftJoin(staff, eq(staff.id, t.acceptedBy))
      .$dynamic();
  }
}
