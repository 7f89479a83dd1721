import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { Tx } from '../platform/db/client.js';
import {
  type GuestPasses,
  type MeetingGuest,
  type MeetingPassRequest,
} from '../platform/guest-passes/guest-passes.js';
import { AppError } from '../platform/http/app-error.js';
import type { RequestCtx } from '../platform/http/request-context.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { cstLabel } from '../platform/time/china-time.js';
import { BlockListService } from './block-list.service.js';
import { VisitorLinks } from './visitor-links.js';
import { type VisitRow, VisitsRepository } from './visits.repository.js';
import { policyOf, VisitsService } from './visits.service.js';

/**
 * 会议一件事: the visitor passes of a booking's external guests, written in the booking's transaction. A pass
 * is an approved visit (origin `meeting`) hosted by the organizer, valid at the building's entrances from
 * before the start to after the end; it moves and ends with the booking.
 */
@Injectable()
export class MeetingPassesService implements GuestPasses {
  private readonly before: number;
  private readonly after: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: VisitsRepository,
    private readonly visits: VisitsService,
    private readonly blockList: BlockListService,
    private readonly links: VisitorLinks,
    private readonly notifier: Notifier,
    private readonly audit: AuditRepository,
  ) {
    this.before = config.MEETING_ROOMS_GUEST_PASS_BEFORE_MINUTES * 60_000;
    this.after = config.MEETING_ROOMS_GUEST_PASS_AFTER_MINUTES * 60_000;
  }

  /** Refuses a booking that invites a block-listed guest, naming the guest (`body.guests.N`). */
  async refuseBlocked(guests: { name: string; phone: string }[]) {
    for (const [i, guest] of guests.entries()) {
      if (await this.blockList.match(this.blockList.probe(guest))) {
        throw new AppError('VISITORS_BLOCKED', [{ path: `body.guests.${i}`, issue: '在禁止来访名单中' }]);
      }
    }
  }

  /**
   * One approved pass per guest, and the invitation SMS with a link to it. A guest block-listed since the
   * booking was made gets no pass; the audit row names them and the booking shows the guest without one.
   */
  async issue(tx: Tx, ctx: RequestCtx, meeting: MeetingPassRequest): Promise<VisitRow[]> {
    if (meeting.guests.length === 0) return [];
    const zones = await this.repo.entrancesOf(meeting.buildingId, tx);
    const admitted: MeetingGuest[] = [];
    const withheld: string[] = [];
    for (const g of meeting.guests) {
      const blocked = await this.blockList.match(
        { phoneHash: g.phoneHash, idNumberHash: null, name: g.name },
        tx,
      );
      if (blocked) withheld.push(g.guestId);
      else admitted.push(g);
    }
    const tokens = admitted.map(() => this.links.newToken());
    const urls = await Promise.all(tokens.map((t) => this.links.passLink(t.token)));
    const linkOf = new Map(admitted.map((g, i) => [g.guestId, urls[i]!]));
    const window = this.windowOf(meeting.start, meeting.end);
    const groupId = randomUUID();
    const host = meeting.organizer;
    const rows =
      admitted.length === 0
        ? []
        : await this.repo.insertVisits(
            tx,
            admitted.map((g, i) => ({
              groupId,
              origin: 'meeting' as const,
              status: 'approved' as const,
              hostId: host.personId,
              departmentId: host.departmentId,
              createdBy: host.personId,
              visitorName: g.name,
              phoneEnc: g.phoneEnc,
              phoneHash: g.phoneHash,
              company: g.company,
              purpose: `参加会议「${meeting.title}」`,
              windowStart: window.start,
              windowEnd: window.end,
              gateIds: zones.map((z) => z.id),
              idNumberRequired: policyOf(zones).idNumberRequired,
              maxEntries: 1,
              linkTokenHash: tokens[i]!.hash,
              meetingGuestId: g.guestId,
            })),
          );
    for (const v of rows) {
      await this.notifier.notify(tx, {
        template: 'meeting-rooms.guest_invited',
        params: {
          organizer: host.name,
          title: meeting.title,
          when: meetingLabel(meeting.start, meeting.end),
          place: meeting.place,
          link: linkOf.get(v.meetingGuestId!)!,
        },
        to: [{ phone: this.visits.cipher.decrypt(v.phoneEnc!) }],
        dedupeKey: `meeting-guest-invited:${v.id}`,
      });
    }
    await this.audit.record(tx, ctx, {
      action: 'visitors.meeting_passes.issued',
      entityType: 'meeting_rooms_booking',
      entityId: meeting.bookingId,
      details: { visits: rows.map((v) => v.id), withheldGuests: withheld, gates: zones.map((z) => z.id) },
    });
    return rows;
  }

  /** The booking now runs `[start, end)`: its passes not used up move along; guests not yet in are told. */
  async move(tx: Tx, bookingId: string, meeting: { title: string; start: Date; end: Date }) {
    const moved = await this.repo.moveMeetingPasses(
      tx,
      bookingId,
      ['approved', 'checked_in'],
      this.windowOf(meeting.start, meeting.end),
    );
    const waiting = moved.filter((v) => v.status === 'approved');
    const link = waiting.length > 0 ? await this.links.passLink() : '';
    for (const v of waiting) {
      await this.notifier.notify(tx, {
        template: 'meeting-rooms.guest_moved',
        params: { title: meeting.title, when: meetingLabel(meeting.start, meeting.end), link },
        to: [{ phone: this.visits.cipher.decrypt(v.phoneEnc!) }],
        dedupeKey: `meeting-guest-moved:${v.id}:${meeting.start.toISOString()}:${meeting.end.toISOString()}`,
      });
    }
    return moved;
  }

  /** The meetings no longer take place: their passes nobody has used yet are cancelled, the guests told. */
  async revoke(tx: Tx, meetings: { bookingId: string; title: string; start: Date; end: Date }[]) {
    const cancelled: VisitRow[] = [];
    for (const m of meetings) {
      for (const v of await this.repo.cancelMeetingPasses(tx, [m.bookingId], ['approved'])) {
        await this.notifier.notify(tx, {
          template: 'meeting-rooms.guest_cancelled',
          params: { title: m.title, when: meetingLabel(m.start, m.end) },
          to: [{ phone: this.visits.cipher.decrypt(v.phoneEnc!) }],
          dedupeKey: `meeting-guest-cancelled:${v.id}`,
        });
        cancelled.push(v);
      }
    }
    return cancelled;
  }

  private windowOf(start: Date, end: Date) {
    return { start: new Date(start.getTime() - this.before), end: new Date(end.getTime() + this.after) };
  }
}

/** `11月24日 09:00–10:00`, as the booking's own notices name a meeting (which lies within one day). */
function meetingLabel(start: Date, end: Date): string {
  return `${cstLabel(start)}–${cstLabel(end).slice(-'HH:mm'.length)}`;
}
