import { type Booking, hasRole, type ParsedBody, seriesRoutes as r } from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { pgError } from '../platform/db/client.js';
import { meetingRoomsBookings } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { BookingEffects } from './booking-effects.service.js';
import { ruleBreach } from './booking-rules.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { RoomsRepository } from './rooms.repository.js';
import { holdCalendar } from './calendar-hold.js';
import { slotBetween } from './slot-time.js';

/** Moving a booking that has not started (one occurrence of a series, typically) under the single booking's rules. */
@Injectable()
export class OccurrenceMoveService {
  constructor(
    private readonly repo: BookingsRepository,
    private readonly rooms: RoomsRepository,
    private readonly bookings: BookingsService,
    private readonly audit: AuditRepository,
    private readonly clock: MeetingRoomsClock,
    private readonly effects: BookingEffects,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async move(ctx: AuthedCtx, id: string, body: ParsedBody<typeof r.move>): Promise<Booking> {
    const me = ctx.principal;
    const now = this.clock.now();
    const b = await this.repo.get(id);
    if (!b) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
    if (b.organizerId !== me.personId && !hasRole(me.roles, 'admin')) {
      throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
    }
    if ((b.status !== 'booked' && b.status !== 'pending') || b.during.start <= now) {
      throw new AppError('MEETING_ROOMS_NOT_MOVABLE');
    }
    const room = (await this.rooms.find(b.roomId))!;
    const slot = slotBetween(body.date, body.startTime, body.endTime);
    const breach = ruleBreach(room.room, slot, now);
    if (breach) throw new AppError(breach.code, [breach.detail]);
    try {
      await this.repo.transaction(async (tx) => {
        await holdCalendar(this.rooms, tx, b.roomId, slot, 'body.startTime');
        const deadline =
          b.approvalDeadline && b.approvalDeadline > slot.start ? slot.start : b.approvalDeadline;
        const moved = await this.repo.transition(
          tx,
          id,
          ['booked', 'pending'],
          { during: { start: slot.start, end: slot.end }, approvalDeadline: deadline },
          sql`lower(${meetingRoomsBookings.during}) > ${now.toISOString()}::timestamptz`,
        );
        if (!moved) throw new AppError('MEETING_ROOMS_NOT_MOVABLE');
        await this.audit.record(tx, ctx, {
          action: 'meeting_rooms.booking.moved',
          entityType: 'meeting_rooms_booking',
          entityId: id,
          details: {
            from: b.during.start.toISOString(),
            to: slot.start.toISOString(),
            end: slot.end.toISOString(),
          },
        });
        await this.effects.moved(tx, id);
      });
    } catch (err) {
      if (pgError(err).code === '23P01') {
        throw await this.bookings.slotTaken(b.roomId, slot, 'body.startTime');
      }
      throw err;
    }
    this.dispatcher.kick();
    return this.bookings.load(id);
  }
}
