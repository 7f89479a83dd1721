import type { Tx } from '../db/client.js';
import type { RequestCtx } from '../http/request-context.js';

/** A meeting guest as the booking stores them (phone already encrypted with the same key). */
export interface MeetingGuest {
  guestId: string;
  name: string;
  phoneEnc: string;
  phoneHash: string;
  company: string | null;
}

export interface MeetingPassRequest {
  bookingId: string;
  title: string;
  organizer: { personId: string; name: string; departmentId: string | null };
  buildingId: string;
  /** Where the meeting is, for the SMS: `会议中心 多功能厅`. */
  place: string;
  start: Date;
  end: Date;
  guests: MeetingGuest[];
}

/**
 * 会议一件事, as meeting rooms see it: visitor passes for a meeting's external guests, written in the caller's
 * transaction. The visitors micro-app provides it (`MeetingPassesService`); meeting rooms depend only on this
 * port, so neither reaches into the other.
 */
export abstract class GuestPasses {
  /** Refuses a booking that invites a block-listed guest, naming the guest (`body.guests.N`). */
  abstract refuseBlocked(guests: { name: string; phone: string }[]): Promise<void>;
  /** One pass per guest for the meeting's building, and the invitation SMS. */
  abstract issue(tx: Tx, ctx: RequestCtx, meeting: MeetingPassRequest): Promise<unknown>;
  /** The meeting now runs `[start, end)`: its passes follow. */
  abstract move(
    tx: Tx,
    bookingId: string,
    meeting: { title: string; start: Date; end: Date },
  ): Promise<unknown>;
  /** The meetings no longer take place: their unused passes are cancelled. */
  abstract revoke(
    tx: Tx,
    meetings: { bookingId: string; title: string; start: Date; end: Date }[],
  ): Promise<unknown>;
}
