import type { BookingRow } from './bookings.repository.js';
import type { ClosureRow } from './rooms.repository.js';
import { clashLabel, closureLabel, type Slot } from './slot-time.js';

/**
 * What each slot clashes with, in Chinese, or null when free: a slot-holding booking (named like the single
 * booking's conflict), a closure, or the reason a room rule refuses it (`rules`, by index).
 */
export function seriesClashes(
  slots: Slot[],
  bookings: Pick<BookingRow, 'title' | 'during'>[],
  closures: Pick<ClosureRow, 'reason' | 'during'>[],
  rules: (string | null)[],
): (string | null)[] {
  const hits = <T extends { during: { start: Date; end: Date } }>(list: T[], s: Slot) =>
    list.find((x) => x.during.start < s.end && s.start < x.during.end);
  return slots.map((s, i) => {
    const booking = hits(bookings, s);
    if (booking) return clashLabel(booking);
    const closure = hits(closures, s);
    if (closure) return closureLabel(closure);
    return rules[i] ?? null;
  });
}
