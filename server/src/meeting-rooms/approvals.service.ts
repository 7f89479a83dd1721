import {
  approvesFor,
  type Booking,
  bookingLifecycleRoutes as r,
  hasRole,
  type ParsedBody,
  type ParsedQuery,
} from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { meetingRoomsBookings } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BookingEffects } from './booking-effects.service.js';
import { BookingsRepository } from './bookings.repository.js';
import { BookingsService } from './bookings.service.js';
import { MeetingRoomsClock } from './clock.js';
import { whenLabel } from './slot-time.js';

/**
 * Restricted rooms: approvers of the organizer's department decide (admins always may, and are asked when
 * the department has no approver). A rejection or a missed deadline frees the slot.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly repo: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: MeetingRoomsClock,
    private readonly effects: BookingEffects,
  ) {}

  async awaitingDecision(ctx: AuthedCtx, q: ParsedQuery<typeof r.approvals>) {
    const roles = ctx.principal.roles;
    const departmentIds = hasRole(roles, 'admin')
      ? null
      : roles.flatMap((g) => (g.role === 'approver' ? g.departmentIds : []));
    const { items, total } = await this.repo.pending(departmentIds, q.page, q.pageSize);
    return { items: items.map((row) => this.bookings.view(row)), total, page: q.page, pageSize: q.pageSize };
  }

  async decide(ctx: AuthedCtx, id: string, body: ParsedBody<typeof r.decide>): Promise<Booking> {
    const me = ctx.principal;
    const now = this.clock.now();
    await this.repo.transaction(async (tx) => {
      const b = await this.repo.get(id, tx);
      if (!b) throw new AppError('MEETING_ROOMS_BOOKING_NOT_FOUND');
      const mayDecide =
        hasRole(me.roles, 'admin') || (b.departmentId !== null && approvesFor(me.roles, b.departmentId));
      if (!mayDecide) throw new AppError('MEETING_ROOMS_NOT_YOUR_APPROVAL');
      if (b.status === 'expired') throw new AppError('MEETING_ROOMS_APPROVAL_EXPIRED');
      if (b.status !== 'pending') throw new AppError('MEETING_ROOMS_NOT_PENDING');
      if (b.approvalDeadline! <= now) throw new AppError('MEETING_ROOMS_APPROVAL_EXPIRED');
      const updated = await this.repo.transition(
        tx,
        id,
        ['pending'],
        {
          status: body.approve ? 'booked' : 'rejected',
          decidedBy: me.personId,
          decisionNote: body.note || null,
        },
        sql`${meetingRoomsBookings.approvalDeadline} > ${now.toISOString()}::timestamptz`,
      );
      // The sweeper released it between our read and our update.
      if (!updated) throw new AppError('MEETING_ROOMS_APPROVAL_EXPIRED');
      const room = (await this.repo.roomNames([b.roomId], tx)).get(b.roomId)!;
      await this.notifier.notify(tx, {
        template: 'meeting-rooms.booking_decided',
        params: {
          bookingId: id,
          room,
          when: whenLabel(b.during.start, b.during.end),
          outcome: body.approve ? '已通过' : '未通过',
          note: body.note ? `审批意见：${body.note}` : '',
        },
        to: [{ personId: b.organizerId }],
        dedupeKey: `meeting-booking-decided:${id}`,
      });
      await this.audit.record(tx, ctx, {
        action: body.approve ? 'meeting_rooms.booking.approved' : 'meeting_rooms.booking.rejected',
        entityType: 'meeting_rooms_booking',
        entityId: id,
        details: { note: body.note ?? null },
      });
      if (body.approve) await this.effects.confirmed(tx, ctx, id);
    });
    this.dispatcher.kick();
    return this.bookings.load(id);
  }
}
