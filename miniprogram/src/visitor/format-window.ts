/** Visits are planned in China Standard Time, wherever the visitor's phone thinks it is. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function cst(iso: string) {
  const at = new Date(Date.parse(iso) + CST_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${at.getUTCMonth() + 1}月${at.getUTCDate()}日`,
    year: at.getUTCFullYear(),
    time: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
  };
}

/** `11月21日 09:00–11:00`; a window over several days: `11月21日 09:00 至 11月22日 18:00`. */
export function formatWindow(startIso: string, endIso: string): string {
  const start = cst(startIso);
  const end = cst(endIso);
  if (start.day === end.day && start.year === end.year) return `${start.day} ${start.time}–${end.time}`;
  return `${start.day} ${start.time} 至 ${end.day} ${end.time}`;
}

/** Today in China Standard Time as `YYYY-MM-DD` (what the request form's date picker starts from). */
export function todayInChina(now = Date.now()): string {
  return new Date(now + CST_OFFSET_MS).toISOString().slice(0, 10);
}
