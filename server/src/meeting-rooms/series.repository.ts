import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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

  /** Cancels the slot-holding occurrences starting at or after `from` and after `now`; the database decides. */
  cancelFrom(tx: Tx, seriesId: string, from: Date, now: Date, by: string) {
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
