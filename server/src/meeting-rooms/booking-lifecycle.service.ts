import { type Booking, bookingLifecycleRoutes as r, hasRole, type ParsedBody } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { pgError } from '../platform/db/client.js';
import { meetingRoomsBookings } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx, Principal } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { BookingEffects } from './booking-effects.service.js';
import { checkInBreach, extensionBreach } from './booking-rules.js';
import { type BookingRow, BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { RoomsRepository } from './rooms.repository.js';
import { holdCalendar } from './calendar-hold.js';
import { withEndTime } from './slot-time.js';

/** A booking's day: check-in (in the app or at the door), ending early and extending. */
@Injectable()
export class BookingLifecycleService {
  private readonly before: number;
  private readonly after: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: BookingsRepository,
    private readonly rooms: RoomsRepository,
    private readonly bookings: BookingsService,
    private readonly audit: AuditRepository,
    private readonly clock: MeetingRoomsClock,
    private readonly effects: BookingEffects,
    private readonly dispatcher: DeliveryDispatcher,
  ) {
    this.before = config.MEETING_ROOMS_CHECK_IN_BEFORE_MINUTES * 60_000;
    this.after = config.MEETING_ROOMS_CHECK_IN_AFTER_MINUTES * 60_000;
  }

  async checkIn(ctx: AuthedCtx, id: string): Promise<Booking> {
    const row = await this.repo.find(id);
    if (!row) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
    const me = ctx.principal.personId;
    if (row.booking.organizerId !== me && !row.attendees.some((a) => a.id === me)) {
      throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
    }
    return this.checkInNow(ctx, row.booking, 'app');
  }

  /** The door code carries the room id: check in the caller's booking that is current there. */
  async checkInAtRoom(ctx: AuthedCtx, roomId: string): Promise<Booking> {
    if (!(await this.rooms.find(roomId))) {
      throw new AppError('MEETING_ROOMS_NOT_FOUND', [{ path: 'params.id', issue: '会议室不存在' }]);
    }
    const id = await this.repo.currentOf(roomId, ctx.principal.personId, this.before, this.clock.now());
    if (!id) throw new AppError('MEETING_ROOMS_NO_CURRENT_BOOKING');
    return this.checkInNow(ctx, (await this.repo.get(id))!, 'door');
  }

  /** Gives back the rest of the slot: the booking now ends at this moment. */
  async end(ctx: AuthedCtx, id: string): Promise<Booking> {
    const now = this.clock.now();
    const b = await this.managed(ctx.principal, id);
    const { start, end } = b.during;
    if (b.status !== 'checked_in' || now <= start || now >= end) {
      throw new AppError('MEETING_ROOMS_NOT_IN_PROGRESS');
    }
    await this.repo.transaction(async (tx) => {
      const ended = await this.repo.transition(
        tx,
        id,
        ['checked_in'],
        { during: { start, end: now } },
        sql`upper(${meetingRoomsBookings.during}) > ${now.toISOString()}::timestamptz`,
      );
      if (!ended) throw new AppError('MEETING_ROOMS_NOT_IN_PROGRESS');
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.booking.ended_early',
        entityType: 'meeting_rooms_booking',
        entityId: id,
        details: { plannedEnd: end.toISOString(), endedAt: now.toISOString() },
      });
      await this.effects.endChanged(tx, ended);
    });
    this.dispatcher.kick();
    return this.bookings.load(id);
  }

  /** A later end on the same day, if the room's rules allow and the calendar (under the room's lock) has it. */
  async extend(ctx: AuthedCtx, id: string, body: ParsedBody<typeof r.extend>): Promise<Booking> {
    const now = this.clock.now();
    const b = await this.managed(ctx.principal, id);
    if ((b.status !== 'booked' && b.status !== 'checked_in') || b.during.end <= now) {
      throw new AppError('MEETING_ROOMS_NOT_EXTENDABLE');
    }
    const room = (await this.rooms.find(b.roomId))!;
    const slot = withEndTime(b.during.start, body.endTime);
    const breach = extensionBreach(room.room, slot, b.during.end);
    if (breach) throw new AppError(breach.code, [breach.detail]);
    const added = { start: b.during.end, end: slot.end };
    try {
      await this.repo.transaction(async (tx) => {
        await holdCalendar(this.rooms, tx, b.roomId, added, 'body.endTime');
        const extended = await this.repo.transition(
          tx,
          id,
          ['booked', 'checked_in'],
          { during: { start: b.during.start, end: slot.end } },
          sql`upper(${meetingRoomsBookings.during}) > ${now.toISOString()}::timestamptz`,
        );
        if (!extended) throw new AppError('MEETING_ROOMS_NOT_EXTENDABLE');
        await this.audit.record(tx, ctx, {
          action: 'meeting_rooms.booking.extended',
          entityType: 'meeting_rooms_booking',
          entityId: id,
          details: { from: b.during.end.toISOString(), to: slot.end.toISOString() },
        });
        await this.effects.endChanged(tx, extended);
      });
    } catch (err) {
      if (pgError(err).code === '23P01') throw await this.bookings.slotTaken(b.roomId, added, 'body.endTime');
      throw err;
    }
    this.dispatcher.kick();
    return this.bookings.load(id);
  }

  private async checkInNow(ctx: AuthedCtx, b: BookingRow, via: 'app' | 'door'): Promise<Booking> {
    // A second scan by another attendee is fine.
    if (b.status === 'checked_in') return this.bookings.load(b.id);
    if (b.status !== 'booked') throw new AppError('MEETING_ROOMS_NOT_CHECKABLE');
    const now = this.clock.now();
    const breach = checkInBreach(b.during.start, now, this.before, this.after);
    if (breach) throw new AppError(breach.code, [breach.detail]);
    await this.repo.transaction(async (tx) => {
      const checkedIn = await this.repo.transition(tx, b.id, ['booked'], {
        status: 'checked_in',
        checkedInAt: now,
      });
      // Cancelled, or released by the sweeper, since we read it.
      if (!checkedIn) throw new AppError('MEETING_ROOMS_NOT_CHECKABLE');
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.booking.checked_in',
        entityType: 'meeting_rooms_booking',
        entityId: b.id,
        details: { via },
      });
    });
    return this.bookings.load(b.id);
  }

  /** A booking its organizer or an admin may change. */
  private async managed(me: Principal, id: string): Promise<BookingRow> {
    const b = await this.repo.get(id);
    if (!b) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
    if (b.organizerId !== me.personId && !hasRole(me.roles, 'admin')) {
      throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
    }
    return b;
  }
}
