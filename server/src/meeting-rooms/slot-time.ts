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

/** `column && [start, end)`. */
export function overlaps(column: AnyColumn, start: Date, end: Date): SQL {
  return sql`${column} && tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;
}

/** `09:00–10:00` within one China day, `11月21日 09:00–11月22日 18:00` across days. */
export function rangeLabel(start: Date, end: Date): string {
  const sameDay = cstDate(start) === cstDate(new Date(end.getTime() - 1));
  if (!sameDay) return `${cstLabel(start)}–${cstLabel(end)}`;
  const minute = (at: Date) =>
    Math.round((at.getTime() - cstInstant(cstDate(start), '00:00').getTime()) / 60_000);
  return `${clockTime(minute(start))}–${clockTime(minute(end))}`;
}
