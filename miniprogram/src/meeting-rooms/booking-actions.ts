import type { Booking } from '@dayuan/shared';

/** Check-in opens this long before the start and closes this long after it (server rules, ADR 0012). */
export const CHECK_IN_OPENS_MINUTES = 5;
export const CHECK_IN_CLOSES_MINUTES = 10;

export interface BookingActions {
  checkIn: boolean;
  end: boolean;
  extend: boolean;
  cancel: boolean;
  move: boolean;
}

/** What the person can do with a booking now (the server decides again; this only hides what would fail). */
export function bookingActions(
  booking: Pick<Booking, 'status' | 'start' | 'end' | 'organizer' | 'attendees'>,
  me: { id: string; isAdmin: boolean },
  now: number = Date.now(),
): BookingActions {
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const manages = booking.organizer.id === me.id || me.isAdmin;
  const attends = manages || booking.attendees.some((a) => a.id === me.id);
  const holds = booking.status === 'pending' || booking.status === 'booked';
  return {
    checkIn:
      attends &&
      booking.status === 'booked' &&
      now >= start - CHECK_IN_OPENS_MINUTES * 60_000 &&
      now <= start + CHECK_IN_CLOSES_MINUTES * 60_000,
    end: manages && booking.status === 'checked_in' && now < end,
    extend: manages && (booking.status === 'booked' || booking.status === 'checked_in') && now < end,
    cancel: manages && holds && now < end,
    move: manages && holds && now < start,
  };
}
