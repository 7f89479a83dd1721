import {
  MAX_SERIES_OCCURRENCES,
  type ParsedBody,
  type Series,
  seriesRoutes as r,
  hasRole,
} from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { type Db, pgError, type Tx } from '../platform/db/client.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { cstDate, cstInstant } from '../platform/time/china-time.js';
import { GuestPasses } from '../platform/guest-passes/guest-passes.js';
import { BookingEffects } from './booking-effects.service.js';
import { ruleBreach } from './booking-rules.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { RoomsRepository } from './rooms.repository.js';
import { seriesClashes } from './series-clashes.js';
import { seriesDates } from './series-dates.js';
import { SeriesRepository } from './series.repository.js';
import { type Slot, slotBetween, whenLabel } from './slot-time.js';

type SeriesBody = ParsedBody<typeof r.create>;

/** Recurring bookings: every occurrence is an ordinary booking, so the constraint, check-in and approval apply. */
@Injectable()
export class SeriesService {
  constructor(
    private readonly repo: SeriesRepository,
    private readonly bookingsRepo: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly rooms: RoomsRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: MeetingRoomsClock,
    private readonly effects: BookingEffects,
    private readonly passes: GuestPasses,
  ) {}

  async preview(body: SeriesBody) {
    const { room, slots, rules } = await this.plan(body, this.clock.now());
    const clashes = await this.clashes(room.room.roomId, slots, rules);
    return {
      occurrences: slots.map((s, i) => ({
        date: s.date,
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        free: clashes[i] === null,
        clash: clashes[i]!,
      })),
    };
  }

  /**
   * Books the occurrences that are free under the room's lock, one SAVEPOINT each: one that loses a race to a
   * writer outside the lock anyway (23P01) is skipped, not fatal. One audit row for the series.
   */
  async create(ctx: AuthedCtx, body: SeriesBody) {
    const me = ctx.principal;
    const now = this.clock.now();
    const { room, slots, rules } = await this.plan(body, now);
    const attendeeIds = await this.bookings.attendees(me.personId, body.attendeeIds);
    await this.passes.refuseBlocked(body.guests);
    const roomId = room.room.roomId;
    const restricted = room.room.restricted;
    const { seriesId, skipped } = await this.rooms.transaction(async (tx) => {
      await this.rooms.lockCalendar(tx, roomId);
      const clashes = await this.clashes(roomId, slots, rules, tx);
      const series = await this.repo.insert(tx, {
        roomId,
        organizerId: me.personId,
        title: body.title,
        frequency: body.frequency,
        weekdays: body.frequency === 'weekly' ? [...new Set(body.weekdays)].sort((a, b) => a - b) : [],
        firstDate: slots[0]!.date,
        lastDate: slots.at(-1)!.date,
        startTime: body.startTime,
        endTime: body.endTime,
      });
      const booked: Slot[] = [];
      const skipped: { date: string; clash: string }[] = [];
      for (const [i, slot] of slots.entries()) {
        if (clashes[i]) {
          skipped.push({ date: slot.date, clash: clashes[i] });
          continue;
        }
        try {
          const booking = await tx.transaction((sp) =>
            this.bookingsRepo.insert(
              sp,
              {
                roomId,
                organizerId: me.personId,
                departmentId: me.departmentId,
                title: body.title,
                during: { start: slot.start, end: slot.end },
                status: restricted ? 'pending' : 'booked',
                approvalDeadline: restricted ? this.bookings.approvalDeadline(now, slot.start) : null,
                services: [...new Set(body.services)],
                seriesId: series.id,
              },
              attendeeIds,
              this.bookings.guestRows(body.guests),
            ),
          );
          booked.push(slot);
          if (booking.status === 'booked') await this.effects.confirmed(tx, ctx, booking.id);
        } catch (err) {
          if (pgError(err).code !== '23P01') throw err;
          skipped.push({ date: slot.date, clash: '该时段刚被他人预订' });
        }
      }
      if (booked.length === 0) {
        throw new AppError(
          'MEETING_ROOMS_SERIES_NONE_FREE',
          skipped.map((s) => ({ path: 'body.firstDate', issue: `${s.date}：${s.clash}` })),
        );
      }
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.series.created',
        entityType: 'meeting_rooms_series',
        entityId: series.id,
        details: { roomId, booked: booked.length, skipped: skipped.map((s) => s.date) },
      });
      if (restricted) {
        await this.notifier.notify(tx, {
          template: 'meeting-rooms.approval_needed',
          params: {
            bookingId: series.id,
            organizer: me.name,
            room: room.place.name,
            when: `${whenLabel(booked[0]!.start, booked[0]!.end)} 起共 ${booked.length} 次（周期预订）`,
          },
          to: (await this.bookingsRepo.approversOf(me.departmentId, tx)).map((personId) => ({ personId })),
          dedupeKey: `meeting-series-approval:${series.id}`,
        });
      }
      return { seriesId: series.id, skipped };
    });
    this.dispatcher.kick();
    return { series: await this.load(seriesId), skipped };
  }

  async get(ctx: AuthedCtx, id: string): Promise<Series> {
    await this.managed(ctx, id);
    return this.load(id);
  }

  /** Cancels the occurrences on or after `from` that have not started; earlier ones stay as they are. */
  async cancelRest(ctx: AuthedCtx, id: string, body: ParsedBody<typeof r.cancelRest>): Promise<Series> {
    await this.managed(ctx, id);
    const now = this.clock.now();
    await this.rooms.transaction(async (tx) => {
      const cancelled = await this.repo.cancelFrom(
        tx,
        id,
        cstInstant(body.from, '00:00'),
        now,
        ctx.principal.personId,
      );
      await this.audit.record(tx, ctx, {
        action: 'meeting_rooms.series.cancelled_from',
        entityType: 'meeting_rooms_series',
        entityId: id,
        details: { from: body.from, cancelled: cancelled.map((b) => b.id) },
      });
      await this.effects.calledOff(
        tx,
        cancelled.map((b) => b.id),
      );
    });
    this.dispatcher.kick();
    return this.load(id);
  }

  /**
   * The room and the occurrences' slots, or the coded error of a rule the whole series breaks. Only the
   * minimum notice is judged per occurrence (`rules`): a first date of today may have passed already.
   */
  private async plan(body: SeriesBody, now: Date) {
    const room = await this.rooms.find(body.roomId);
    if (!room) {
      throw new AppError('MEETING_ROOMS_NOT_FOUND', [{ path: 'body.roomId', issue: '会议室不存在' }]);
    }
    const limitPath = body.count === undefined ? 'body.until' : 'body.count';
    const dates = seriesDates(body);
    if (dates.length === 0) {
      throw new AppError('MEETING_ROOMS_SERIES_EMPTY', [
        { path: limitPath, issue: '首次日期到结束日期之间没有所选的星期' },
      ]);
    }
    if (dates.length > MAX_SERIES_OCCURRENCES) {
      throw new AppError('MEETING_ROOMS_SERIES_TOO_MANY', [
        { path: limitPath, issue: `最多 ${MAX_SERIES_OCCURRENCES} 次` },
      ]);
    }
    const slots = dates.map((d) => slotBetween(d, body.startTime, body.endTime));
    const rules = slots.map((slot) => {
      const breach = ruleBreach(room.room, slot, now);
      if (!breach) return null;
      if (breach.code === 'MEETING_ROOMS_TOO_LATE') return breach.detail.issue;
      const path = breach.code === 'MEETING_ROOMS_TOO_FAR_AHEAD' ? limitPath : breach.detail.path;
      const issue =
        breach.code === 'MEETING_ROOMS_TOO_FAR_AHEAD'
          ? `${breach.detail.issue}，${slot.date} 超出`
          : breach.detail.issue;
      throw new AppError(breach.code, [{ path, issue }]);
    });
    return { room, slots, rules };
  }

  /** Reads the room's calendar over the whole series once (inside the lock when given the transaction). */
  private async clashes(roomId: string, slots: Slot[], rules: (string | null)[], tx?: Db | Tx) {
    const from = slots[0]!.start;
    const to = slots.at(-1)!.end;
    const bookings = await this.bookingsRepo.holding([roomId], from, to, tx);
    const closures = await this.rooms.closuresOverlapping([roomId], from, to, tx);
    return seriesClashes(
      slots,
      bookings.map((b) => b.booking),
      closures,
      rules,
    );
  }

  private async managed(ctx: AuthedCtx, id: string) {
    const row = await this.repo.find(id);
    if (!row) throw new AppError('MEETING_ROOMS_SERIES_NOT_FOUND');
    const me = ctx.principal;
    if (row.series.organizerId !== me.personId && !hasRole(me.roles, 'admin')) {
      throw new AppError('MEETING_ROOMS_NOT_YOUR_BOOKING');
    }
    return row;
  }

  private async load(id: string): Promise<Series> {
    const [row, occurrences] = await Promise.all([this.repo.find(id), this.repo.occurrences(id)]);
    const s = row!.series;
    return {
      id: s.id,
      title: s.title,
      room: { id: s.roomId, name: row!.roomName },
      organizer: { id: s.organizerId, name: row!.organizerName },
      frequency: s.frequency,
      weekdays: s.weekdays,
      firstDate: s.firstDate,
      lastDate: s.lastDate,
      startTime: s.startTime,
      endTime: s.endTime,
      occurrences: occurrences.map((b) => ({
        bookingId: b.id,
        date: cstDate(b.during.start),
        status: b.status,
        start: b.during.start.toISOString(),
        end: b.during.end.toISOString(),
      })),
      noShows: s.noShows,
      flaggedAt: s.flaggedAt?.toISOString() ?? null,
      autoCancelledAt: s.autoCancelledAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    };
  }
}
