import { z } from 'zod';
import { route } from '../common/route.js';
import { DaySchema } from '../common/schemas.js';

/** At most this many days per statistics query. */
export const MAX_STATS_DAYS = 92;

export const MeetingRoomStatsQuerySchema = z
  .strictObject({ from: DaySchema, to: DaySchema, buildingId: z.string().uuid().optional() })
  .refine((q) => q.to >= q.from, { path: ['to'], message: '结束日期不能早于开始日期' });

const FiguresSchema = z.object({
  /** Daily open hours × days of the period, minus the part of closures that lies within open hours. */
  openMinutes: z.number().int(),
  /**
   * Minutes of the checked-in bookings starting in the period, start to the end they have now (a meeting
   * ended early counts until it ended; one in progress until its planned end).
   */
  usedMinutes: z.number().int(),
  /** usedMinutes / openMinutes, 0..1; 0 when the room was never open. */
  utilisation: z.number(),
  /**
   * Bookings whose start lies in the period and that held the slot until it came: status `booked`,
   * `checked_in` or `released` (no-show). Cancelled (at any time), rejected, expired and still pending
   * bookings do not count.
   */
  bookings: z.number().int(),
  /** Of those, `released`: nobody checked in within the check-in window. */
  noShows: z.number().int(),
  /** noShows / bookings, 0..1; 0 without bookings. */
  noShowRate: z.number(),
});

export const MeetingRoomStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rooms: z.array(
    FiguresSchema.extend({
      room: z.object({ id: z.string(), name: z.string(), building: z.string(), floor: z.number().int() }),
    }),
  ),
  total: FiguresSchema,
});
export type MeetingRoomStats = z.infer<typeof MeetingRoomStatsSchema>;

export const meetingRoomStatsRoutes = {
  stats: route({
    method: 'GET',
    path: '/api/meeting-rooms/stats',
    summary: 'Utilisation and no-show rate per meeting room over China days [from, to] (admin)',
    tag: 'meeting-rooms',
    access: ['admin'],
    query: MeetingRoomStatsQuerySchema,
    res: MeetingRoomStatsSchema,
    errors: ['MEETING_ROOMS_STATS_RANGE_TOO_LONG', 'MEETING_ROOMS_BUILDING_NOT_FOUND'],
  }),
};
