const CST_OFFSET_MS = 8 * 3600_000;

/** `2026-11-21` + `09:30` in China Standard Time. */
export function cstInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** `YYYY-MM-DD` of an instant in China Standard Time. */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (China Standard Time) starting the day of `at`, and the next one. */
export function cstDayBounds(at: Date): [Date, Date] {
  const start = cstInstant(cstDate(at), '00:00');
  return [start, new Date(start.getTime() + 24 * 3600_000)];
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** `11月21日 09:00`: how SMS and notifications name a time. */
export function cstLabel(at: Date): string {
  const cst = new Date(at.getTime() + CST_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日 ${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`;
}

export function cstHour(at: Date): number {
  return new Date(at.getTime() + CST_OFFSET_MS).getUTCHours();
}
