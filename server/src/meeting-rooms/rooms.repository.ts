import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { overlaps } from './slot-time.js';
import { buildings, meetingRoomsClosures, meetingRoomsRooms, rooms } from '../platform/db/schema.js';

export type MeetingRoomRow = typeof meetingRoomsRooms.$inferSelect;
export type ClosureRow = typeof meetingRoomsClosures.$inferSelect;

/** A meeting room with where it is: the compound's room and building. */
export interface RoomWithPlace {
  room: MeetingRoomRow;
  place: { buildingId: string; buildingName: string; floor: number; code: string; name: string };
}

export interface RoomFilter {
  buildingId?: string;
  minCapacity?: number;
  equipment?: string[];
}

export type RoomSettings = Omit<MeetingRoomRow, 'roomId' | 'createdAt' | 'updatedAt'>;
export type RoomPlace = { buildingId: string; floor: number; code: string; name: string };

@Injectable()
export class RoomsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Serialises every change to one room's calendar (bookings, closures) across instances. */
  async lockCalendar(tx: Tx, roomId: string) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`meeting-rooms:${roomId}`}))`);
  }

  async list(filter: RoomFilter): Promise<RoomWithPlace[]> {
    const equipment = filter.equipment ?? [];
    return this.selectWithPlace(this.db)
      .where(
        and(
          filter.buildingId ? eq(rooms.buildingId, filter.buildingId) : undefined,
          filter.minCapacity ? gte(meetingRoomsRooms.capacity, filter.minCapacity) : undefined,
          equipment.length > 0
            ? sql`${meetingRoomsRooms.equipment} @> ARRAY[${sql.join(
                equipment.map((e) => sql`${e}`),
                sql`, `,
              )}]::text[]`
            : undefined,
        ),
      )
      .orderBy(asc(buildings.code), asc(rooms.floor), asc(rooms.code));
  }

  async find(id: string, tx: Db | Tx = this.db): Promise<RoomWithPlace | undefined> {
    const [row] = await this.selectWithPlace(tx).where(eq(meetingRoomsRooms.roomId, id));
    return row;
  }

  async building(id: string, tx: Db | Tx = this.db) {
    const [row] = await tx.select().from(buildings).where(eq(buildings.id, id));
    return row;
  }

  async insert(tx: Tx, place: RoomPlace, settings: RoomSettings): Promise<string> {
    const [room] = await tx
      .insert(rooms)
      .values({ ...place, kind: 'meeting' })
      .returning({ id: rooms.id });
    await tx.insert(meetingRoomsRooms).values({ roomId: room!.id, ...settings });
    return room!.id;
  }

  async update(tx: Tx, id: string, place: RoomPlace, settings: RoomSettings) {
    await tx.update(rooms).set(place).where(eq(rooms.id, id));
    await tx
      .update(meetingRoomsRooms)
      .set({ ...settings, updatedAt: sql`now()` })
      .where(eq(meetingRoomsRooms.roomId, id));
  }

  /** Closures of a room not over by `since`, soonest first. */
  closuresOf(roomId: string, since: Date): Promise<ClosureRow[]> {
    return this.db
      .select()
      .from(meetingRoomsClosures)
      .where(
        and(
          eq(meetingRoomsClosures.roomId, roomId),
          sql`upper(${meetingRoomsClosures.during}) > ${since.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(sql`lower(${meetingRoomsClosures.during})`);
  }

  /** Closures of the given rooms overlapping `[start, end)`. */
  closuresOverlapping(
    roomIds: string[],
    start: Date,
    end: Date,
    tx: Db | Tx = this.db,
  ): Promise<ClosureRow[]> {
    if (roomIds.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(meetingRoomsClosures)
      .where(
        and(inArray(meetingRoomsClosures.roomId, roomIds), overlaps(meetingRoomsClosures.during, start, end)),
      )
      .orderBy(sql`lower(${meetingRoomsClosures.during})`);
  }

  async insertClosure(tx: Tx, values: typeof meetingRoomsClosures.$inferInsert): Promise<ClosureRow> {
    const [row] = await tx.insert(meetingRoomsClosures).values(values).returning();
    return row!;
  }

  async removeClosure(tx: Tx, id: string): Promise<ClosureRow | undefined> {
    const [row] = await tx.delete(meetingRoomsClosures).where(eq(meetingRoomsClosures.id, id)).returning();
    return row;
  }

  private selectWithPlace(tx: Db | Tx) {
    return tx
      .select({
        room: meetingRoomsRooms,
        place: {
          buildingId: rooms.buildingId,
          buildingName: buildings.name,
          floor: rooms.floor,
          code: rooms.code,
          name: rooms.name,
        },
      })
      .from(meetingRoomsRooms)
      .innerJoin(rooms, eq(rooms.id, meetingRoomsRooms.roomId))
      .innerJoin(buildings, eq(buildings.id, rooms.buildingId))
      .$dynamic();
  }
}
