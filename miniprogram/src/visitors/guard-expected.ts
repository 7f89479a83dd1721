import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { VisitStatus, visitStatusLabels, type Visit } from '@dayuan/shared';

dayjs.extend(utc);

/** China Standard Time (no daylight saving): the compound's clock, whatever the phone's time zone. */
const CST_OFFSET_MINUTES = 8 * 60;

export function inCst(at: string | Date | Dayjs = dayjs()): Dayjs {
  return dayjs(at).utcOffset(CST_OFFSET_MINUTES);
}

export type StatusFilter = 'all' | VisitStatus;

export interface StatusFilterOption {
  value: StatusFilter;
  label: string;
  count: number;
}

/** Statuses a guard always gets a filter for, in the order of the day: coming, inside, gone, undecided. */
const MAIN_STATUSES: readonly VisitStatus[] = ['approved', 'checked_in', 'checked_out', 'pending'];

/** A visitor may come in (again) by hand in these states, entries and the block list permitting. */
const ENTERABLE: readonly VisitStatus[] = ['approved', 'checked_in', 'checked_out'];

export const REASON_MIN = 2;
export const REASON_MAX = 100;

export function countByStatus(items: readonly Pick<Visit, 'status'>[]): Record<VisitStatus, number> {
  const counts = Object.fromEntries(VisitStatus.options.map((s) => [s, 0])) as Record<VisitStatus, number>;
  for (const { status } of items) counts[status] += 1;
  return counts;
}

/** 全部, the four main statuses (even at zero), then any other status that occurs today. */
export function statusFilterOptions(items: readonly Pick<Visit, 'status'>[]): StatusFilterOption[] {
  const counts = countByStatus(items);
  const others = VisitStatus.options.filter((s) => !MAIN_STATUSES.includes(s) && counts[s] > 0);
  return [
    { value: 'all', label: '全部', count: items.length },
    ...[...MAIN_STATUSES, ...others].map((s) => ({
      value: s,
      label: visitStatusLabels[s],
      count: counts[s],
    })),
  ];
}

/**
 * The visits a filter shows. `keep` are visits the guard just changed: they stay in view with their new
 * status, so the guard sees what the server made of the action.
 */
export function filterVisits<V extends Pick<Visit, 'id' | 'status'>>(
  items: readonly V[],
  filter: StatusFilter,
  keep: ReadonlySet<string> = new Set(),
): V[] {
  if (filter === 'all') return [...items];
  return items.filter((v) => v.status === filter || keep.has(v.id));
}

/** Which hand-recorded passages a visit allows right now. */
export function manualActions(visit: Pick<Visit, 'status' | 'inside' | 'blocked' | 'entries'>): {
  canCheckIn: boolean;
  canCheckOut: boolean;
} {
  return {
    canCheckIn:
      !visit.inside &&
      !visit.blocked &&
      ENTERABLE.includes(visit.status) &&
      visit.entries.used < visit.entries.max,
    canCheckOut: visit.inside,
  };
}

/** Why a manual check-in or check-out reason cannot be sent, or null when it can. */
export function reasonProblem(reason: string): string | null {
  const length = Array.from(reason.trim()).length;
  if (length < REASON_MIN) return `请填写原因（至少 ${REASON_MIN} 个字）`;
  if (length > REASON_MAX) return `原因不能超过 ${REASON_MAX} 个字`;
  return null;
}

/** `09:00–11:30` for a window today (China Standard Time); `11月22日 09:00–11:30` otherwise. */
export function visitWindowLabel(
  visit: Pick<Visit, 'windowStart' | 'windowEnd'>,
  now: string | Date | Dayjs = dayjs(),
): string {
  const start = inCst(visit.windowStart);
  const end = inCst(visit.windowEnd);
  const day =
    start.format('YYYY-MM-DD') === inCst(now).format('YYYY-MM-DD') ? '' : `${start.format('M月D日')} `;
  const sameDay = end.format('YYYY-MM-DD') === start.format('YYYY-MM-DD');
  const endText = end.format(sameDay ? 'HH:mm' : 'M月D日 HH:mm');
  return `${day}${start.format('HH:mm')}–${endText}`;
}
