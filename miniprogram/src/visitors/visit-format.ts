import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { VisitStatus } from '@dayuan/shared';

dayjs.extend(utc);

/** The compound's clock. China Standard Time has no daylight saving time, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The latest hour a default window may start at, so that it still ends the same day. */
const LAST_DEFAULT_START_HOUR = 21;
const DEFAULT_WINDOW_HOURS = 2;

/** A moment on the compound's clock, whatever the device's time zone. */
export function inShanghai(at: string | Date | Dayjs): Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** `11月21日 09:00–11:00`; a window that ends on a later day names that day too. */
export function formatWindow(start: string, end: string): string {
  const from = inShanghai(start);
  const to = inShanghai(end);
  const sameDay = from.format('YYYY-MM-DD') === to.format('YYYY-MM-DD');
  return `${from.format('M月D日 HH:mm')}–${to.format(sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`;
}

/** `11月21日 09:05`, with the year when it is not this year's. */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const at = inShanghai(iso);
  const thisYear = at.year() === inShanghai(now).year();
  return at.format(thisYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** `东门、北门`. */
export function gateNames(gates: readonly { name: string }[]): string {
  return gates.length > 0 ? gates.map((g) => g.name).join('、') : '未指定';
}

export type Tone = 'orange' | 'blue' | 'green' | 'grey' | 'red';

/** The colour of a visit's status tag: what needs someone (orange), what is coming (blue), and so on. */
export const statusTones: Record<VisitStatus, Tone> = {
  pending: 'orange',
  approved: 'blue',
  checked_in: 'green',
  checked_out: 'grey',
  rejected: 'red',
  cancelled: 'grey',
  expired: 'grey',
  no_show: 'grey',
};

/** `YYYY-MM-DD` of today on the compound's clock. */
export function shanghaiToday(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

export interface WindowDraft {
  date: string;
  startTime: string;
  endTime: string;
}

/**
 * What the invite form starts with: from the start of the current hour for two hours (a visitor on the
 * way), or 09:00–11:00 tomorrow when today is nearly over.
 */
export function defaultWindow(now: Date = new Date()): WindowDraft {
  const here = inShanghai(now);
  const startHour = here.hour();
  if (startHour > LAST_DEFAULT_START_HOUR) {
    return { date: here.add(1, 'day').format('YYYY-MM-DD'), startTime: '09:00', endTime: '11:00' };
  }
  const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return {
    date: here.format('YYYY-MM-DD'),
    startTime: hh(startHour),
    endTime: hh(startHour + DEFAULT_WINDOW_HOURS),
  };
}
