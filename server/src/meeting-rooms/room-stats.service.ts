import {
  MAX_STATS_DAYS,
  type MeetingRoomStats,
  meetingRoomStatsRoutes as r,
  type ParsedQuery,
} from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { AppError } from '../platform/http/app-error.js';
import { cstInstant } from '../platform/time/china-time.js';
import { type RoomFigures, RoomStatsRepository } from './room-stats.repository.js';
import { RoomsRepository } from './rooms.repository.js';

/** Utilisation and no-shows per meeting room over whole China days (definitions in stats.contract.ts). */
@Injectable()
export class RoomStatsService {
  constructor(
    private readonly repo: RoomStatsRepository,
    private readonly rooms: RoomsRepository,
  ) {}

  async stats(q: ParsedQuery<typeof r.stats>): Promise<MeetingRoomStats> {
    const start = cstInstant(q.from, '00:00');
    const days = Math.round((cstInstant(q.to, '00:00').getTime() - start.getTime()) / 86_400_000) + 1;
    if (days > MAX_STATS_DAYS) {
      throw new AppError('MEETING_ROOMS_STATS_RANGE_TOO_LONG', [
        { path: 'query.to', issue: `统计区间最长 ${MAX_STATS_DAYS} 天，当前为 ${days} 天` },
      ]);
    }
    if (q.buildingId && !(await this.rooms.building(q.buildingId))) {
      throw new AppError('MEETING_ROOMS_BUILDING_NOT_FOUND', [
        { path: 'query.buildingId', issue: '楼宇不存在' },
      ]);
    }
    const rows = await this.repo.figures(start, days, q.buildingId);
    const sum = (key: 'open_minutes' | 'used_minutes' | 'bookings' | 'no_shows') =>
      rows.reduce((n, row) => n + row[key], 0);
    return {
      from: q.from,
      to: q.to,
      rooms: rows.map((row) => ({
        room: { id: row.room_id, name: row.name, building: row.building, floor: row.floor },
        ...figures(row),
      })),
      total: figures({
        open_minutes: sum('open_minutes'),
        used_minutes: sum('used_minutes'),
        bookings: sum('bookings'),
        no_shows: sum('no_shows'),
      }),
    };
  }
}

type Counts = Pick<RoomFigures, 'open_minutes' | 'used_minutes' | 'bookings' | 'no_shows'>;

function figures(c: Counts) {
  return {
    openMinutes: c.open_minutes,
    usedMinutes: c.used_minutes,
    utilisation: c.open_minutes > 0 ? c.used_minutes / c.open_minutes : 0,
    bookings: c.bookings,
    noShows: c.no_shows,
    noShowRate: c.bookings > 0 ? c.no_shows / c.bookings : 0,
  };
}
