import { type Booking, bookingRoutes as r, hasRole, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import { pgError } from '../platform/db/client.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { addDays, cstInstant } from '../platform/time/china-time.js';
import { GuestPasses } from '../platform/guest-passes/guest-passes.js';
import { BookingEffects } from './booking-effects.service.js';
import { ruleBreach } from './booking-rules.js';
import { bookingView, slotView } from './booking-view.js';
import { type BookingDetail, BookingsRepository } from './bookings.repository.js';
import { MeetingRoomsClock } from './clock.js';
import { closureView, roomView } from './room-view.js';
import { RoomsRepository } from './rooms.repository.js';
import { holdCalendar } from './calendar-hold.js';
import { clashLabel, type Slot, slotBetween, slotOf, whenLabel } from './slot-time.js';

/** Finding and booking rooms: rules first, then one transaction the exclusion constraint has the last word on. */
@Injectable()
export class BookingsService {
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: BookingsRepository,
    private readonly rooms: RoomsRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: MeetingRoomsClock,
    private readonly effects: BookingEffects,
    private readonly passes: GuestPasses,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async availability(q: ParsedQuery<typeof r.availability>) {
    if (!(await this.rooms.building(q.buildingId))) throw new AppError('MEETING_ROOMS_BUILDING_NOT_FOUND');
    const list = await this.rooms.list({ buildingId: q.buildingId });
    const ids = list.map((row) => row.room.roomId);
    const dayStart = cstInstant(q.date, '00:00');
    const dayEnd = cstInstant(addDays(q.date, 1), '00:00');
    const [bookings, closures] = await Promise.all([
      this.repo.holding(ids, dayStart, dayEnd),
      this.rooms.closuresOverlapping(ids, dayStart, dayEnd),
    ]);
    return {
      date: q.date,
      rooms: list.map((row) => ({
        room: roomView(row),
        bookings: bookings
          .filter((b) => b.booking.roomId === row.room.roomId)
          .map((b) => slotView(b.booking, b.organizerName)),
        closures: closures.filter((c) => c.roomId === row.room.roomId).map(closureView),
      })),
    };
  }

  /** Rooms whose rules allow the slot and whose calendar has it free. */
  async freeRooms(q: ParsedQuery<typeof r.freeRooms>) {
    const slot = slotOf(q.date, q.startTime, q.durationMinutes);
    const now = this.clock.now();
    const candidates = (await this.rooms.list(q)).filter((row) => !ruleBreach(row.room, slot, now));
    const ids = candidates.map((row) => row.room.roomId);
    const [bookings, closures] = await Promise.all([
      this.repo.holding(ids, slot.start, slot.end),
      this.rooms.closuresOverlapping(ids, slot.start, slot.end),
    ]);
    const busy = new Set([...bookings.map((b) => b.booking.roomId), ...closures.map((c) => c.roomId)]);
    return { items: candidates.filter((row) => !busy.has(row.room.roomId)).map(roomView) };
  }

  async create(ctx: AuthedCtx, body: ParsedBody<typeof r.create>): Promise<Booking> {
    const me = ctx.principal;
    const room = await this.rooms.find(body.roomId);
    if (!room) {
      throw new AppError('MEETING_ROOMS_NOT_FOUND', [{ path: 'body.roomId', issue: '会议室不存在' }]);
    }
    const slot = slotBetween(body.date, body.startTime, body.endTime);
    const now = this.clock.now();
    const breach = ruleBreach(room.room, slot, now);
    if (breach) throw new AppError(breach.code, [breach.detail]);
    const attendeeIds = await this.attendees(me.personId, body.attendeeIds);
    await this.passes.refuseBlocked(body.guests);
    let id: string;
    try {
      id = await this.rooms.transaction(async (tx) => {
        await holdCalendar(this.rooms, tx, room.room.roomId, slot, 'body.startTime');
        const booking = await this.repo.insert(
          tx,
          {
            roomId: room.room.roomId,
            organizerId: me.personId,
            departmentId: me.departmentId,
            title: body.title,
            during: { start: slot.start, end: slot.end },
            status: room.room.restricted ? 'pending' : 'booked',
            approvalDeadline: room.room.restricted ? this.approvalDeadline(now, slot.start) : null,
            services: [...new Set(body.services)],
          },
          attendeeIds,
          this.guestRows(body.guests),
        );
        await this.audit.record(tx, ctx, {
          action: 'meeting_rooms.booking.created',
          entityType: 'meeting_rooms_booking',
          entityId: booking.id,
          details: {
            roomId: booking.roomId,
            status: booking.status,
            start: slot.start.toISOString(),
            end: slot.end.toISOString(),
            attendees: attendeeIds.length,
            guests: body.guests.length,
          },
        });
        if (booking.status === 'booked') await this.effects.confirmed(tx, ctx, booking.id);
        if (booking.status === 'pending') {
          const approvers = await this.repo.approversOf(booking.departmentId, tx);
          await this.notifier.notify(tx, {
            template: 'meeting-rooms.approval_needed',
            params: {
              bookingId: booking.id,
              organizer: me.name,
              room: room.place.name,
              when: whenLabel(slot.start, slot.end),
            },
            to: approvers.map((personId) => ({ personId })),
            dedupeKey: `meeting-booking-approval:${booking.id}`,
          });
        }
        return booking.id;
      });
    } catch (err) {
      if (pgError(err).code === '23P01') throw await this.slotTaken(room.room.roomId, slot, 'body.startTime');
      throw err;
    }
    this.dispatcher.kick();
    return this.load(id);
  }

  async mine(ctx: AuthedCtx, q: ParsedQuery<typeof r.mine>) {
    const { items, total } = await this.repo.ofPerson(
      ctx.principal.personId,
      q.when === 'upcoming',
      q.page,
      q.pageSize,
    );
    return { items: items.map((row) => this.view(row)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: AuthedCtx, id: string): Promise<Booking> {
    const row = await this.repo.find(id);
    if (!row) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
    const me = ctx.principal;
    const mayRead =
      row.booking.organizerId === me.personId ||
      hasRole(me.roles, 'admin') ||
      row.attendees.some((a) => a.id === me.personId);
    if (!mayRead) throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
    return this.view(row);
  }

  /** Frees the slot at once: the exclusion constraint ignores cancelled bookings. */
  async cancel(ctx: AuthedCtx, id: string): Promise<Booking> {
    const me = ctx.principal;
    await this.rooms.transaction(async (tx) => {
      const b = await this.repo.get(id, tx);
      if (!b) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
      if (b.organizerId !== me.personId && !hasRole(me.roles, 'admin')) {
        throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
      }
      if (!(await this.repo.release(tx, id, 'cancelled', me.personId))) {
        throw new AppError('MEETING_ROOMS_NOT_CANCELLABLE');
      }
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.booking.cancelled',
        entityType: 'meeting_rooms_booking',
        entityId: id,
        details: { by: b.organizerId === me.personId ? 'organizer' : 'admin' },
      });
      await this.effects.calledOff(tx, [id]);
    });
    this.dispatcher.kick();
    return this.load(id);
  }

  /** The conflict error, naming the booking that holds `[start, end)` (it may be gone again by now). */
  async slotTaken(roomId: string, slot: Pick<Slot, 'start' | 'end'>, path: string): Promise<AppError> {
    const [clash] = await this.repo.holding([roomId], slot.start, slot.end);
    const issue = clash ? clashLabel(clash.booking) : '该时段刚被他人预订';
    return new AppError('MEETING_ROOMS_SLOT_TAKEN', [{ path, issue }]);
  }

  /** The invited staff besides the organizer, once each; all must be active. */
  async attendees(organizerId: string, ids: string[]): Promise<string[]> {
    const attendeeIds = [...new Set(ids)].filter((id) => id !== organizerId);
    const active = new Set((await this.repo.activePeople(attendeeIds)).map((p) => p.id));
    const missing = ids.findIndex((id) => id !== organizerId && !active.has(id));
    if (missing >= 0) {
      throw new AppError('MEETING_ROOMS_ATTENDEE_NOT_FOUND', [
        { path: `body.attendeeIds.${missing}`, issue: '参会人不存在或已停用' },
      ]);
    }
    return attendeeIds;
  }

  /** Guests as stored: the phone encrypted, with a keyed hash for matching. */
  guestRows(guests: ParsedBody<typeof r.create>['guests']) {
    return guests.map((g) => ({
      name: g.name,
      phoneEnc: this.cipher.encrypt(g.phone),
      phoneHash: this.cipher.hash('phone', g.phone),
      company: g.company || null,
    }));
  }

  /** Undecided pending bookings are released after the TTL, and never later than their start. */
  approvalDeadline(now: Date, start: Date): Date {
    const ttl = new Date(now.getTime() + this.config.MEETING_ROOMS_APPROVAL_TTL_HOURS * 3600_000);
    return ttl < start ? ttl : start;
  }

  async load(id: string): Promise<Booking> {
    return this.view((await this.repo.find(id))!);
  }

  view(row: BookingDetail): Booking {
    return bookingView(row, this.cipher);
  }
}
