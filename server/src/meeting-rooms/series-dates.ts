import { MAX_SERIES_OCCURRENCES, type SeriesFrequency } from '@dayuan/shared';
import { addDays } from '../platform/time/china-time.js';

export interface SeriesRule {
  frequency: SeriesFrequency;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  firstDate: string;
  until?: string;
  count?: number;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a China day `YYYY-MM-DD`. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * The China days of a series, in order: every day, or the chosen weekdays, from the first date until a date
 * (inclusive) or for a count. Stops one past the cap, so the caller can tell "too many" from "exactly the cap".
 */
export function seriesDates(rule: SeriesRule): string[] {
  const days = new Set(rule.frequency === 'daily' ? [1, 2, 3, 4, 5, 6, 7] : rule.weekdays);
  const want = Math.min(rule.count ?? Infinity, MAX_SERIES_OCCURRENCES + 1);
  const dates: string[] = [];
  // Seven days without a match cannot happen with at least one weekday; the until date ends the rest.
  for (let d = rule.firstDate; dates.length < want && (!rule.until || d <= rule.until); d = addDays(d, 1)) {
    if (days.has(isoWeekday(d))) dates.push(d);
  }
  return dates;
}
