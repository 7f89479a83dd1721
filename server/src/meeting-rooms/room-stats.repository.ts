import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { type Db, rawRows } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';

/** One meeting room's figures over a period, straight from the aggregates. */
export interface RoomFigures extends Record<string, unknown> {
  room_id: string;
  name: string;
  building: string;
  floor: number;
  open_minutes: number;
  used_minutes: number;
  bookings: number;
  no_shows: number;
}

/** Utilisation and no-show aggregates, computed in the database (no booking is loaded). */
@Injectable()
export class RoomStatsRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  /**
   * Per meeting room, over the `days` China days from `start` (midnight, China time):
   * open hours minus the union of closures within them; checked-in minutes, bookings and no-shows of the
   * bookings starting in the period. China keeps no daylight saving: a day is 1440 minutes.
   */
  figures(start: Date, days: number, buildingId?: string): Promise<RoomFigures[]> {
    const from = sql`${start.toISOString()}::timestamptz`;
    const until = sql`${new Date(start.getTime() + days * 86_400_000).toISOString()}::timestamptz`;
    return rawRows<RoomFigures>(
      this.db,
      sql`
      WITH r AS (
        SELECT m.room_id, p.name, p.floor, p.code, b.name AS building, b.code AS building_code,
               m.open_from_minute, m.open_until_minute
        FROM meeting_rooms_rooms m
        JOIN rooms p ON p.id = m.room_id
        JOIN buildings b ON b.id = p.building_id
        ${buildingId ? sql`WHERE p.building_id = ${buildingId}` : sql``}
      ),
      open_window AS (
        SELECT r.room_id,
               tstzrange(${from} + (d * 1440 + r.open_from_minute) * interval '1 minute',
                         ${from} + (d * 1440 + r.open_until_minute) * interval '1 minute', '[)') AS w
        FROM r CROSS JOIN generate_series(0, ${days - 1}::int) AS d
      ),
      closed_part AS (
        SELECT o.room_id, unnest(range_agg(c.during * o.w)) AS part
        FROM open_window o
        JOIN meeting_rooms_closures c ON c.room_id = o.room_id AND c.during && o.w
        GROUP BY o.room_id
      ),
      closed AS (
        SELECT room_id, sum(extract(epoch FROM upper(part) - lower(part))) / 60 AS minutes
        FROM closed_part GROUP BY room_id
      ),
      booked AS (
        SELECT room_id,
               count(*) FILTER (WHERE status IN ('booked', 'checked_in', 'released')) AS bookings,
               count(*) FILTER (WHERE status = 'released') AS no_shows,
               coalesce(sum(extract(epoch FROM upper(during) - lower(during)))
                 FILTER (WHERE status = 'checked_in'), 0) / 60 AS minutes
        FROM meeting_rooms_bookings
        WHERE lower(during) >= ${from} AND lower(during) < ${until}
          AND room_id IN (SELECT room_id FROM r)
        GROUP BY room_id
      )
      SELECT r.room_id, r.name, r.building, r.floor,
             round(${days}::int * (r.open_until_minute - r.open_from_minute) - coalesce(closed.minutes, 0))::int
               AS open_minutes,
             round(coalesce(booked.minutes, 0))::int AS used_minutes,
             coalesce(booked.bookings, 0)::int AS bookings,
             coalesce(booked.no_shows, 0)::int AS no_shows
      FROM r
      LEFT JOIN closed ON closed.room_id = r.room_id
      LEFT JOIN booked ON booked.room_id = r.room_id
      ORDER BY r.building_code, r.floor, r.code`,
    );
  }
}
