import type { Dayjs } from 'dayjs';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `早上好` / `下午好` / `晚上好` by the hour of `now`. */
export function greetingFor(now: Dayjs): string {
  const hour = now.hour();
  if (hour < 5 || hour >= 18) return '晚上好';
  return hour < 12 ? '早上好' : '下午好';
}

/** `11月21日 星期五`. */
export function dateLine(now: Dayjs): string {
  return `${now.format('M月D日')} ${WEEKDAYS[now.day()]}`;
}
