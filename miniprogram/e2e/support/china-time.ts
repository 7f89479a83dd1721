/** The compound's clock: China Standard Time (UTC+8, no daylight saving), whatever the test machine's zone. */
const CST_OFFSET_MS = 8 * 3600_000;

const cstIso = () => new Date(Date.now() + CST_OFFSET_MS).toISOString();

/** Today in China Standard Time, `YYYY-MM-DD`. */
export const cstToday = () => cstIso().slice(0, 10);

/** The start of the current hour in China Standard Time, `HH:00`: a visit window from it has begun. */
export const cstHourStart = () => `${cstIso().slice(11, 13)}:00`;

/** `11月22日 09:00`: how SMS and notifications name a moment (`date` is `YYYY-MM-DD`, `time` `HH:mm`). */
export function cstLabel(date: string, time: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${time}`;
}
