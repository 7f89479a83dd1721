import { MeetingService, meetingServiceLabels } from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import type { Tx } from '../platform/db/client.js';
import type { RequestCtx } from '../platform/http/request-context.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { GuestPasses } from '../platform/guest-passes/guest-passes.js';
import type { BookingRow } from './bookings.repository.js';
import { type Meeting, MeetingPartiesRepository } from './meeting-parties.repository.js';
import { ServiceTasksRepository } from './service-tasks.repository.js';
import { whenLabel } from './slot-time.js';

type Change = '邀请您参加' | '已改期' | '已取消';

/** Booked outright, or approved (a pending booking that was cancelled never told anyone). */
const wasConfirmed = (b: BookingRow) => b.approvalDeadline === null || b.decidedBy !== null;

/**
 * 会议一件事: what a booking's state change does beyond the booking, in the caller's transaction — guests'
 * visitor passes, the meeting service team's tasks, and the staff attendees' notices.
 */
@Injectable()
export class BookingEffects {
  constructor(
    private readonly parties: MeetingPartiesRepository,
    private readonly passes: GuestPasses,
    private readonly tasks: ServiceTasksRepository,
    private readonly notifier: Notifier,
  ) {}

  /** The booking is now `booked` (made in an unrestricted room, or approved). */
  async confirmed(tx: Tx, ctx: RequestCtx, bookingId: string) {
    const [m] = await this.parties.meetings(tx, [bookingId]);
    const b = m!.booking;
    await this.passes.issue(tx, ctx, {
      bookingId,
      title: b.title,
      organizer: { personId: b.organizerId, name: m!.organizerName, departmentId: b.departmentId },
      buildingId: m!.buildingId,
      place: m!.place,
      start: b.during.start,
      end: b.during.end,
      // A meeting being confirmed has not ended, so none of its guests is erased yet.
      guests: m!.guests.flatMap((g) =>
        g.phoneEnc && g.phoneHash
          ? [
              {
                guestId: g.id,
                name: g.name,
                phoneEnc: g.phoneEnc,
                phoneHash: g.phoneHash,
                company: g.company,
              },
            ]
          : [],
      ),
    });
    const opened = await this.tasks.open(tx, bookingId, MeetingService.array().parse(b.services));
    if (opened.length > 0) {
      await this.notifier.notify(tx, {
        template: 'meeting-rooms.service_requested',
        params: {
          room: m!.place,
          when: whenLabel(b.during.start, b.during.end),
          title: b.title,
          services: opened.map((t) => meetingServiceLabels[t.service]).join('、'),
        },
        to: (await this.parties.serviceStaff(tx)).map((personId) => ({ personId })),
        dedupeKey: `meeting-service-requested:${bookingId}`,
      });
    }
    await this.tellAttendees(tx, m!, '邀请您参加');
  }

  /** The booking was moved before it started: passes follow, attendees of a confirmed booking are told. */
  async moved(tx: Tx, bookingId: string) {
    const [m] = await this.parties.meetings(tx, [bookingId]);
    const b = m!.booking;
    await this.passes.move(tx, bookingId, { title: b.title, start: b.during.start, end: b.during.end });
    if (b.status === 'booked') await this.tellAttendees(tx, m!, '已改期');
  }

  /** The booking ends at another time today (ended early, extended): the passes' windows follow. */
  async endChanged(tx: Tx, booking: BookingRow) {
    const { title, during } = booking;
    await this.passes.move(tx, booking.id, { title, start: during.start, end: during.end });
  }

  /** The bookings no longer take place (cancelled, released): passes revoked, tasks cancelled, attendees told. */
  async calledOff(tx: Tx, bookingIds: string[]) {
    const meetings = await this.parties.meetings(tx, bookingIds);
    await this.passes.revoke(
      tx,
      meetings.map(({ booking: b }) => ({
        bookingId: b.id,
        title: b.title,
        start: b.during.start,
        end: b.during.end,
      })),
    );
    await this.tasks.cancelFor(tx, bookingIds);
    for (const m of meetings) {
      if (wasConfirmed(m.booking)) await this.tellAttendees(tx, m, '已取消');
    }
  }

  private async tellAttendees(tx: Tx, m: Meeting, change: Change) {
    if (m.attendeeIds.length === 0) return;
    const { id, title, during } = m.booking;
    await this.notifier.notify(tx, {
      template: 'meeting-rooms.meeting_changed',
      params: { bookingId: id, title, change, when: whenLabel(during.start, during.end), room: m.place },
      to: m.attendeeIds.map((personId) => ({ personId })),
      dedupeKey: `meeting-changed:${id}:${change}:${during.start.toISOString()}`,
    });
  }
}
