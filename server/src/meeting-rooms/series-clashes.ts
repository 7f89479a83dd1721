import type { BookingRow } from './bookings.repository.js';
import type { ClosureRow } from './rooms.repository.js';
import { rangeLabel, type Slot } from './slot-time.js';

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
    if (booking) return `与 ${rangeLabel(booking.during.start, booking.during.end)}「${booking.title}」冲突`;
    const closure = hits(closures, s);
    if (closure) return `${rangeLabel(closure.during.start, closure.during.end)} 停用：${closure.reason}`;
    return rules[i] ?? null;
  });
}
