import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** The compound's clock. China Standard Time has no daylight saving time, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** A moment on the compound's clock, whatever the device's time zone. */
export function inShanghai(at: string | Date | Dayjs = new Date()): Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** Today in China, `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD');
}

/** `YYYY-MM-DD` `days` after `day`. */
export function addDays(day: string, days: number): string {
  return dayjs(day).add(days, 'day').format('YYYY-MM-DD');
}

/** `09:30` → 570. */
export function toMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** 570 → `09:30` (kept within one day). */
export function toClock(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The China clock time of an instant, `HH:mm`. */
export function clockOf(iso: string): string {
  return inShanghai(iso).format('HH:mm');
}

/** The China day of an instant, `YYYY-MM-DD`. */
export function dayOf(iso: string): string {
  return inShanghai(iso).format('YYYY-MM-DD');
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月21日 周六`. */
export function dayLabel(day: string): string {
  const d = dayjs(day);
  return `${d.format('M月D日')} 周${WEEKDAYS[d.day()]}`;
}

/** `11月21日 09:00–10:00`; an end on a later day names that day too. */
export function formatSlot(start: string, end: string): string {
  const from = inShanghai(start);
  const to = inShanghai(end);
  const sameDay = from.format('YYYY-MM-DD') === to.format('YYYY-MM-DD');
  return `${from.format('M月D日 HH:mm')}–${to.format(sameDay ? 'HH:mm' : 'M月D日 HH:mm')}`;
}

/** `11月21日 09:05`. */
export function formatMoment(iso: string): string {
  return inShanghai(iso).format('M月D日 HH:mm');
}

/** `2 小时`, `1 小时 30 分钟`, `45 分钟`. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}
