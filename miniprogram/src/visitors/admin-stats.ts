import { denyReasonLabels, visitOriginLabels, type DenyReason, type VisitOrigin } from '@dayuan/shared';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface HourBar {
  hour: number;
  count: number;
  /** Percent of the tallest bar; a non-empty hour never drops below a visible sliver. */
  height: number;
}

const MIN_VISIBLE_HEIGHT = 4;

/** 0.125 → `12.5%`, 0 → `0%`, 1/3 → `33.3%`. */
export function percentLabel(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

export function hourBars(entriesByHour: readonly number[]): HourBar[] {
  const max = Math.max(0, ...entriesByHour);
  return entriesByHour.map((count, hour) => ({
    hour,
    count,
    height: max === 0 || count === 0 ? 0 : Math.max(MIN_VISIBLE_HEIGHT, Math.round((count / max) * 100)),
  }));
}

function rows(record: Record<string, number>, label: (key: string) => string): CountRow[] {
  return Object.entries(record)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, label: label(key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

/** Denials by reason, most frequent first, named as guards see them; an unknown code shows as it is. */
export function denialRows(denialsByReason: Record<string, number>): CountRow[] {
  return rows(denialsByReason, (key) => denyReasonLabels[key as DenyReason] ?? key);
}

export function originRows(byOrigin: Record<string, number>): CountRow[] {
  return rows(byOrigin, (key) => visitOriginLabels[key as VisitOrigin] ?? key);
}
