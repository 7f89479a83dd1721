import { inShanghai, toClock, toMinutes } from './time';

/** A busy period on a room's day, in minutes since midnight China time. */
export interface Busy {
  from: number;
  to: number;
}

/** A block drawn on a timeline: offsets in percent of the open hours. */
export interface Block {
  left: number;
  width: number;
}

/** Minutes since midnight (China) of `iso` on `day`; before the day → 0, after it → 1440. */
export function minutesOnDay(iso: string, day: string): number {
  const at = inShanghai(iso);
  const d = at.format('YYYY-MM-DD');
  if (d < day) return 0;
  if (d > day) return 24 * 60;
  return at.hour() * 60 + at.minute();
}

/** The busy periods of `day` from bookings and closures (ISO instants), in minutes, sorted. */
export function busyOnDay(periods: readonly { start: string; end: string }[], day: string): Busy[] {
  return periods
    .map((p) => ({ from: minutesOnDay(p.start, day), to: minutesOnDay(p.end, day) }))
    .filter((b) => b.to > b.from)
    .sort((a, b) => a.from - b.from);
}

/** Where a busy period sits on a timeline of the open hours, clipped to them; null when outside. */
export function placeBlock(busy: Busy, openFrom: string, openUntil: string): Block | null {
  const start = toMinutes(openFrom);
  const end = toMinutes(openUntil);
  const span = end - start;
  const from = Math.max(busy.from, start);
  const to = Math.min(busy.to, end);
  if (span <= 0 || to <= from) return null;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { left: round(((from - start) / span) * 100), width: round(((to - from) / span) * 100) };
}

/** Hour marks on a timeline of the open hours: `[{label: '09', left: 12.5}, …]`. */
export function hourMarks(openFrom: string, openUntil: string, every = 2): { label: string; left: number }[] {
  const start = toMinutes(openFrom);
  const end = toMinutes(openUntil);
  const marks: { label: string; left: number }[] = [];
  for (let h = Math.ceil(start / 60); h * 60 <= end; h += 1) {
    if (h % every !== 0) continue;
    marks.push({
      label: String(h).padStart(2, '0'),
      left: Math.round(((h * 60 - start) / (end - start)) * 10000) / 100,
    });
  }
  return marks;
}

/** Tappable cells of a timeline: one per hour (the first and last may be shorter), in percent. */
export function hourCells(
  openFrom: string,
  openUntil: string,
): { clock: string; left: number; width: number }[] {
  const start = toMinutes(openFrom);
  const end = toMinutes(openUntil);
  const span = end - start;
  const cells: { clock: string; left: number; width: number }[] = [];
  if (span <= 0) return cells;
  const pct = (n: number) => Math.round((n / span) * 10000) / 100;
  for (let from = start; from < end;) {
    const to = Math.min(end, (Math.floor(from / 60) + 1) * 60);
    cells.push({ clock: toClock(from), left: pct(from - start), width: pct(to - from) });
    from = to;
  }
  return cells;
}

/** The clock time a tap at `fraction` (0..1) of the timeline asks for, rounded down to `step` minutes. */
export function clockAt(fraction: number, openFrom: string, openUntil: string, step = 30): string {
  const start = toMinutes(openFrom);
  const end = toMinutes(openUntil);
  const f = Math.max(0, Math.min(1, fraction));
  const raw = start + f * (end - start);
  return toClock(Math.min(end - step, Math.floor(raw / step) * step));
}

/**
 * The first free `[start, end)` of `duration` minutes on a day at or after `earliest` (minutes), in `step`
 * minute steps within the open hours, or null.
 */
export function firstFree(
  busy: readonly Busy[],
  openFrom: string,
  openUntil: string,
  earliest: number,
  duration = 60,
  step = 30,
): { startTime: string; endTime: string } | null {
  const end = toMinutes(openUntil);
  let from = Math.max(toMinutes(openFrom), Math.ceil(earliest / step) * step);
  for (; from + duration <= end; from += step) {
    const to = from + duration;
    if (!busy.some((b) => b.from < to && b.to > from)) {
      return { startTime: toClock(from), endTime: toClock(to) };
    }
  }
  return null;
}

/** Whether `[from, to)` (clock times) is free of `busy`. */
export function isFree(busy: readonly Busy[], from: string, to: string): boolean {
  const a = toMinutes(from);
  const b = toMinutes(to);
  return !busy.some((x) => x.from < b && x.to > a);
}
