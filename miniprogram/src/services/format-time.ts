import dayjs, { type Dayjs } from 'dayjs';

/** `09:30` today, `11月20日 09:30` earlier this year, `2025年11月20日` before that. */
export function formatTime(iso: string, now: Dayjs = dayjs()): string {
  const at = dayjs(iso);
  if (at.isSame(now, 'day')) return at.format('HH:mm');
  if (at.isSame(now, 'year')) return at.format('M月D日 HH:mm');
  return at.format('YYYY年M月D日');
}
