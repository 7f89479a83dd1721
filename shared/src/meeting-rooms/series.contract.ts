import { z } from 'zod';
import { route } from '../common/route.js';
import { ClockTimeSchema, DaySchema, IsoDateTimeSchema } from '../common/schemas.js';
import { BookingBodySchema, bookingErrors, BookingSchema, BookingStatus } from './bookings.contract.js';

/** No series books more than this many meetings. */
export const MAX_SERIES_OCCURRENCES = 100;

export const SeriesFrequency = z.enum(['daily', 'weekly']);
export type SeriesFrequency = z.infer<typeof SeriesFrequency>;

/** A recurring booking: the single booking's fields, with a rule instead of one date (China time). */
export const SeriesBodySchema = BookingBodySchema.omit({ date: true })
  .extend({
    frequency: SeriesFrequency,
    /** Weekly only: ISO weekdays, 1 = 周一 … 7 = 周日. */
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    firstDate: DaySchema,
    /** Exactly one of `until` (inclusive) and `count`. */
    until: DaySchema.optional(),
    count: z.number().int().min(1).max(MAX_SERIES_OCCURRENCES).optional(),
  })
  .refine((b) => b.frequency !== 'weekly' || b.weekdays.length > 0, {
    path: ['weekdays'],
    message: '请选择每周的哪几天',
  })
  .refine((b) => (b.until === undefined) !== (b.count === undefined), {
    path: ['until'],
    message: '请填写结束日期或次数（二选一）',
  })
  .refine((b) => b.until === undefined || b.until >= b.firstDate, {
    path: ['until'],
    message: '结束日期不能早于首次日期',
  });

/** One proposed meeting of a series: free, or what it clashes with (a booking, a closure or a room rule). */
export const SeriesOccurrencePreviewSchema = z.object({
  date: z.string(),
  start: IsoDateTimeSchema,
  end: IsoDateTimeSchema,
  free: z.boolean(),
  /** `与 09:00–10:00「周例会」冲突`, `09:00–12:00 停用：设备检修`, … null when free. */
  clash: z.string().nullable(),
});

export const SeriesPreviewSchema = z.object({ occurrences: z.array(SeriesOccurrencePreviewSchema) });

export const SeriesSchema = z.object({
  id: z.string(),
  title: z.string(),
  room: z.object({ id: z.string(), name: z.string() }),
  organizer: z.object({ id: z.string(), name: z.string() }),
  frequency: SeriesFrequency,
  weekdays: z.array(z.number().int()),
  firstDate: z.string(),
  lastDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  /** Every booking of the series, moved or cancelled ones included, by start. */
  occurrences: z.array(
    z.object({
      bookingId: z.string(),
      date: z.string(),
      status: BookingStatus,
      start: IsoDateTimeSchema,
      end: IsoDateTimeSchema,
    }),
  ),
  /** Released occurrences nobody checked in to. */
  noShows: z.number().int(),
  /** Repeated no-shows: flagged at the first threshold, future occurrences cancelled at the second. */
  flaggedAt: IsoDateTimeSchema.nullable(),
  autoCancelledAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type Series = z.infer<typeof SeriesSchema>;

export const SeriesCreatedSchema = z.object({
  series: SeriesSchema,
  /** Occurrences not booked: busy at preview time, or taken since. */
  skipped: z.array(z.object({ date: z.string(), clash: z.string() })),
});

export const MoveBodySchema = z.strictObject({
  date: DaySchema,
  startTime: ClockTimeSchema,
  endTime: ClockTimeSchema,
});

export const CancelRestBodySchema = z.strictObject({
  /** Cancels every occurrence on or after this China day that has not started. */
  from: DaySchema,
});

const seriesRuleErrors = [
  'MEETING_ROOMS_NOT_FOUND',
  'MEETING_ROOMS_TIME_INVALID',
  'MEETING_ROOMS_OUTSIDE_OPEN_HOURS',
  'MEETING_ROOMS_TOO_LONG',
  'MEETING_ROOMS_TOO_FAR_AHEAD',
  'MEETING_ROOMS_SERIES_TOO_MANY',
  'MEETING_ROOMS_SERIES_EMPTY',
] as const;

const seriesErrors = ['MEETING_ROOMS_SERIES_NOT_FOUND', 'MEETING_ROOMS_NOT_YOUR_BOOKING'] as const;

/** Recurring bookings: preview, book the free occurrences, and change single occurrences or the rest. */
export const seriesRoutes = {
  preview: route({
    method: 'POST',
    path: '/api/meeting-rooms/series/preview',
    summary: 'Every occurrence of a proposed series: free, or the booking, closure or rule it clashes with',
    tag: 'meeting-rooms',
    access: 'user',
    body: SeriesBodySchema,
    res: SeriesPreviewSchema,
    errors: seriesRuleErrors,
  }),
  create: route({
    method: 'POST',
    path: '/api/meeting-rooms/series',
    summary: 'Book the free occurrences of a series (after the preview) and report the skipped ones',
    tag: 'meeting-rooms',
    access: 'user',
    body: SeriesBodySchema,
    res: SeriesCreatedSchema,
    errors: [...seriesRuleErrors, 'MEETING_ROOMS_ATTENDEE_NOT_FOUND', 'MEETING_ROOMS_SERIES_NONE_FREE'],
  }),
  get: route({
    method: 'GET',
    path: '/api/meeting-rooms/series/:id',
    summary: 'A series with all its occurrences (organizer or admin)',
    tag: 'meeting-rooms',
    access: 'user',
    res: SeriesSchema,
    errors: seriesErrors,
  }),
  cancelRest: route({
    method: 'POST',
    path: '/api/meeting-rooms/series/:id/cancel',
    summary: 'Cancel every occurrence from a date on that has not started (organizer or admin)',
    tag: 'meeting-rooms',
    access: 'user',
    body: CancelRestBodySchema,
    res: SeriesSchema,
    errors: seriesErrors,
  }),
  move: route({
    method: 'POST',
    path: '/api/meeting-rooms/bookings/:id/move',
    summary: 'Move a booking that has not started (one occurrence of a series, say) under the same rules',
    tag: 'meeting-rooms',
    access: 'user',
    body: MoveBodySchema,
    res: BookingSchema,
    errors: [
      ...bookingErrors,
      'MEETING_ROOMS_NOT_MOVABLE',
      'MEETING_ROOMS_TIME_INVALID',
      'MEETING_ROOMS_OUTSIDE_OPEN_HOURS',
      'MEETING_ROOMS_TOO_LONG',
      'MEETING_ROOMS_TOO_FAR_AHEAD',
      'MEETING_ROOMS_TOO_LATE',
      'MEETING_ROOMS_ROOM_CLOSED',
      'MEETING_ROOMS_SLOT_TAKEN',
    ],
  }),
};
