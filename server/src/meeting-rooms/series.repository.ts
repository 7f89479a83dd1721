import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { meetingRoomsBookings, meetingRoomsSeries, people, rooms } from '../platform/db/schema.js';
import { SLOT_HOLDING } from './bookings.repository.js';

export type SeriesRow = typeof meetingRoomsSeries.$inferSelect;

export interface SeriesWithNames {
  series: SeriesRow;
  roomName: string;
  organizerName: string;
}

@Injectable()
export class SeriesRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  async insert(tx: Tx, series: typeof meetingRoomsSeries.$inferInsert): Promise<SeriesRow> {
    const [row] = await tx.insert(meetingRoomsSeries).values(series).returning();
    return row!;
  }

  async find(id: string): Promise<SeriesWithNames | undefined> {
    const [row] = await this.db
      .select({ series: meetingRoomsSeries, roomName: rooms.name, organizerName: people.name })
      .from(meetingRoomsSeries)
      .innerJoin(rooms, eq(rooms.id, meetingRoomsSeries.roomId))
      .innerJoin(people, eq(people.id, meetingRoomsSeries.organizerId))
      .where(eq(meetingRoomsSeries.id, id));
    return row;
  }

  /** Every booking of the series, by start. */
  occurrences(seriesId: string) {
    return this.db
      .select()
      .from(meetingRoomsBookings)
      .where(eq(meetingRoomsBookings.seriesId, seriesId))
      .orderBy(asc(sql`lower(${meetingRoomsBookings.during})`));
  }

  /** Adds released occurrences to the series' no-show count. */
  async addNoShows(tx: Tx, seriesId: string, n: number): Promise<SeriesRow> {
    const [row] = await tx
      .update(meetingRoomsSeries)
      .set({ noShows: sql`${meetingRoomsSeries.noShows} + ${n}`, updatedAt: sql`now()` })
      .where(eq(meetingRoomsSeries.id, seriesId))
      .returning();
    return row!;
  }

  /**
   * Stamps `column` once the no-shows reach `threshold`: only the first caller gets the row back, so concurrent
   * sweepers flag, or cancel, a series once.
   */
  async markOnce(
    tx: Tx,
    seriesId: string,
    column: 'flaggedAt' | 'autoCancelledAt',
    threshold: number,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx
      .update(meetingRoomsSeries)
      .set({ [column]: now, updatedAt: sql`now()` })
      .where(
        and(
          eq(meetingRoomsSeries.id, seriesId),
          isNull(meetingRoomsSeries[column]),
          gte(meetingRoomsSeries.noShows, threshold),
        ),
      )
      .returning({ id: meetingRoomsSeries.id });
    return rows.length > 0;
  }

  /** Cancels the slot-holding occurrences starting at or after `from` and after `now`; the database decides. */
  cancelFrom(tx: Tx, seriesId: string, from: Date, now: Date, by: string | null) {
    const after = from > now ? from : now;
    return tx
      .update(meetingRoomsBookings)
      .set({ status: 'cancelled', cancelledBy: by, updatedAt: sql`now()` })
      .where(
        and(
          eq(meetingRoomsBookings.seriesId, seriesId),
          inArray(meetingRoomsBookings.status, SLOT_HOLDING),
          sql`lower(${meetingRoomsBookings.during}) >= ${after.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: meetingRoomsBookings.id });
  }
}
