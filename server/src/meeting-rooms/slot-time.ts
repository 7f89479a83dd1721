import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { cstDate, cstInstant, cstLabel } from '../platform/time/china-time.js';
import { clockTime, minuteOfDay } from './room-view.js';

/** A requested time on one China day: instants for the database, minutes of day for open hours. */
export interface Slot {
  date: string;
  start: Date;
  end: Date;
  startMinute: number;
  endMinute: number;
}

export function slotOf(date: string, startTime: string, durationMinutes: number): Slot {
  const startMinute = minuteOfDay(startTime);
  const start = cstInstant(date, startTime);
  return {
    date,
    start,
    end: new Date(start.getTime() + durationMinutes * 60_000),
    startMinute,
    endMinute: startMinute + durationMinutes,
  };
}

export function slotBetween(date: string, startTime: string, endTime: string): Slot {
  return slotOf(date, startTime, minuteOfDay(endTime) - minuteOfDay(startTime));
}

/** A booking's day and start with a new end time (`HH:mm`), for extending it. */
export function withEndTime(start: Date, endTime: string): Slot {
  const date = cstDate(start);
  const startMinute = Math.round((start.getTime() - cstInstant(date, '00:00').getTime()) / 60_000);
  return slotBetween(date, clockTime(startMinute), endTime);
}

/** `column && [start, end)`. */
export function overlaps(column: AnyColumn, start: Date, end: Date): SQL {
  return sql`${column} && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;
}

/** `11月21日 09:00–10:00`: how notifications name a booking (which lies within one day). */
export function whenLabel(start: Date, end: Date): string {
  return `${cstLabel(start)}–${cstLabel(end).slice(-'HH:mm'.length)}`;
}

/** `09:00–10:00` within one China day, `11月21日 09:00–11月22日 18:00` across days. */
export function rangeLabel(start: Date, end: Date): string {
  const sameDay = cstDate(start) === cstDate(new Date(end.getTime() - 1));
  if (!sameDay) return `${cstLabel(start)}–${cstLabel(end)}`;
  const minute = (at: Date) =>
    Math.round((at.getTime() - cstInstant(cstDate(start), '00:00').getTime()) / 60_000);
  return `${clockTime(minute(start))}–${clockTime(minute(end))}`;
}

type During = { during: { start: Date; end: Date } };

/** How a conflict names the booking in the way: `与 09:00–10:00「周例会」冲突`. */
export const clashLabel = (b: During & { title: string }) =>
  `与 ${rangeLabel(b.during.start, b.during.end)}「${b.title}」冲突`;

/** How a refusal names a closure: `09:00–12:00 停用：设备检修`. */
export const closureLabel = (c: During & { reason: string }) =>
  `${rangeLabel(c.during.start, c.during.end)} 停用：${c.reason}`;
