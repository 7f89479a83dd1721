/**
 * Vitest global setup: visits are windows within one China (UTC+8) day, and the tests invite for "all of
 * today". A run that starts in the day's last minutes would see that window close mid-run, so it waits
 * for the new day instead.
 */
const DAY_MS = 24 * 3600_000;
const GUARD_MS = 5 * 60_000;

export async function setup() {
  const intoDay = (Date.now() + 8 * 3600_000) % DAY_MS;
  if (intoDay < DAY_MS - GUARD_MS) return;
  const wait = DAY_MS - intoDay + 5_000;
  console.log(
    `waiting ${Math.ceil(wait / 1000)} s for China midnight: all-day visit windows need a whole day`,
  );
  await new Promise((resolve) => setTimeout(resolve, wait));
}
