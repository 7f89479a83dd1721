import { randomUUID } from 'node:crypto';
import {
  type GuestSession,
  maskIdNumber,
  maskPhone,
  type ParsedBody,
  type VisitorPass,
  visitOriginLabels,
  visitRoutes as r,
} from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { GuestAuthService } from '../platform/auth/guest-auth.service.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { AppError } from '../platform/http/app-error.js';
import type { GuestCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BlockListService } from './block-list.service.js';
import { EntryCodes } from './entry-code.js';
import { profileComplete, passView } from './visit-view.js';
import { linkTokenHash } from './visitor-links.js';
import { cstDayBounds, cstInstant, cstLabel } from '../platform/time/china-time.js';
import { VisitsRepository, type VisitRow } from './visits.repository.js';
import { VisitsService } from './visits.service.js';

const PASS_HISTORY_DAYS = 7;

/** The visitor's side, without an account: invitation links, requests by booking code, the pass. */
@Injectable()
export class VisitorAccessService {
  readonly codes: EntryCodes;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: VisitsRepository,
    private readonly visits: VisitsService,
    private readonly guests: GuestAuthService,
    private readonly blockList: BlockListService,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
  ) {
    this.codes = new EntryCodes(config.ENTRY_CODE_KEY, 'DV1');
  }

  async invitationLink(token: string) {
    const rows = await this.linked(token);
    const first = rows[0]!;
    const host = await this.repo.find(first.id);
    return {
      hostName: host!.hostName,
      phoneMasked: maskPhone(this.visits.cipher.decrypt(first.phoneEnc!)),
      windowStart: first.windowStart.toISOString(),
      windowEnd: rows.at(-1)!.windowEnd.toISOString(),
    };
  }

  async invitationCode(token: string) {
    const [first] = await this.linked(token);
    return this.guests.sendCode(this.visits.cipher.decrypt(first!.phoneEnc!));
  }

  async invitationSession(token: string, code: string): Promise<GuestSession> {
    const [first] = await this.linked(token);
    return this.guests.signIn(this.visits.cipher.decrypt(first!.phoneEnc!), code);
  }

  async bookingPage(code: string) {
    const link = await this.openBookingLink(code);
    return {
      host: { name: link.hostName, department: link.department },
      zones: await this.repo.zones(),
    };
  }

  async request(ctx: GuestCtx, code: string, body: ParsedBody<typeof r.request>): Promise<VisitorPass> {
    if (this.guests.phoneHash(body.phone) !== ctx.guest.phoneHash) throw new AppError('GUEST_TOKEN_INVALID');
    const link = await this.openBookingLink(code);
    const zones = await this.visits.chosenZones(body.gateIds);
    if (zones.idNumberRequired && !body.idNumber) {
      throw new AppError('VISITORS_ID_NUMBER_REQUIRED', [
        { path: 'body.idNumber', issue: '所选区域要求登记身份证号' },
      ]);
    }
    const start = cstInstant(body.window.date, body.window.startTime);
    const end = cstInstant(body.window.date, body.window.endTime);
    const now = new Date();
    if (end <= start || end <= now) {
      throw new AppError('VISITORS_WINDOW_INVALID', [
        { path: 'body.window', issue: '结束须晚于开始，且晚于现在' },
      ]);
    }
    await this.blockList.refuseBlocked(this.blockList.probe(body));
    const cipher = this.visits.cipher;
    // Decided before the visit starts; a visit already under way (today's), before it ends.
    const decideBy = start > now ? start : end;
    const expiresAt = new Date(
      Math.min(now.getTime() + this.config.VISITORS_REQUEST_TTL_HOURS * 3600_000, decideBy.getTime()),
    );
    const id = await this.repo.transaction(async (tx) => {
      const [dayStart, dayEnd] = cstDayBounds(start);
      if ((await this.repo.hostVisitsOnDay(tx, link.link.hostId, dayStart, dayEnd)) >= link.link.dailyCap) {
        throw new AppError('VISITORS_HOST_DAILY_CAP');
      }
      const [visit] = await this.repo.insertVisits(tx, [
        {
          groupId: randomUUID(),
          origin: 'request',
          status: 'pending',
          awaiting: 'host',
          hostId: link.link.hostId,
          departmentId: link.departmentId,
          visitorName: body.name,
          phoneEnc: cipher.encrypt(body.phone),
          phoneHash: ctx.guest.phoneHash,
          ...this.idNumberColumns(body.idNumber),
          company: body.company || null,
          plate: body.plate ?? null,
          purpose: body.purpose,
          windowStart: start,
          windowEnd: end,
          gateIds: body.gateIds,
          idNumberRequired: zones.idNumberRequired,
          privacyAcceptedAt: now,
          requestExpiresAt: expiresAt,
        },
      ]);
      await this.notifier.notify(tx, {
        template: 'visitors.approval_needed',
        params: {
          visitId: visit!.id,
          visitor: body.name,
          origin: visitOriginLabels.request,
          when: cstLabel(start),
        },
        to: [{ personId: link.link.hostId }],
        dedupeKey: `visit-approval:${visit!.id}:host`,
      });
      await this.audit.record(tx, ctx, {
        action: 'visitors.requested',
        entityType: 'visitors_visit',
        entityId: visit!.id,
        details: { bookingCode: code },
      });
      return visit!.id;
    });
    this.dispatcher.kick();
    return this.pass(id);
  }

  async myPasses(ctx: GuestCtx) {
    const since = new Date(Date.now() - PASS_HISTORY_DAYS * 24 * 3600_000);
    const rows = await this.repo.ofPhone(ctx.guest.phoneHash, since);
    const names = await this.gateNames();
    const now = Date.now();
    // Not over yet first (soonest first), then the past ones (latest first).
    const upcoming = rows.filter((r) => r.visit.windowEnd.getTime() > now);
    const past = rows.filter((r) => r.visit.windowEnd.getTime() <= now).reverse();
    return { items: [...upcoming, ...past].map((row) => passView(row, names)) };
  }

  async completeProfile(ctx: GuestCtx, id: string, body: ParsedBody<typeof r.completeProfile>) {
    await this.repo.transaction(async (tx) => {
      const v = await this.repo.lock(tx, id);
      if (!v || v.phoneHash !== ctx.guest.phoneHash) throw new AppError('VISITORS_VISIT_NOT_FOUND');
      if (v.idNumberRequired && !body.idNumber && !v.idNumberEnc) {
        throw new AppError('VISITORS_ID_NUMBER_REQUIRED', [
          { path: 'body.idNumber', issue: '所选区域要求登记身份证号' },
        ]);
      }
      if (
        body.idNumber &&
        (await this.blockList.match(this.blockList.probe({ idNumber: body.idNumber }), tx))
      ) {
        throw new AppError('VISITORS_BLOCKED');
      }
      const updated = await this.repo.transition(tx, id, ['pending', 'approved'], {
        ...(body.idNumber ? this.idNumberColumns(body.idNumber) : {}),
        privacyAcceptedAt: v.privacyAcceptedAt ?? new Date(),
      });
      if (!updated) throw new AppError('VISITORS_STATE_CONFLICT');
      await this.audit.record(tx, ctx, {
        action: 'visitors.profile.completed',
        entityType: 'visitors_visit',
        entityId: id,
        details: { idNumber: !!body.idNumber },
      });
    });
    return this.pass(id);
  }

  async passCode(ctx: GuestCtx, id: string) {
    const v = await this.repo.get(id);
    if (!v || v.phoneHash !== ctx.guest.phoneHash) throw new AppError('VISITORS_VISIT_NOT_FOUND');
    if (v.status === 'expired' || v.status === 'no_show' || v.windowEnd.getTime() <= Date.now()) {
      if (!v.inside) throw new AppError('VISITORS_PASS_EXPIRED');
    }
    if (v.status !== 'approved' && v.status !== 'checked_in') throw new AppError('VISITORS_PASS_NOT_ACTIVE');
    if (!profileComplete(v)) throw new AppError('VISITORS_PROFILE_INCOMPLETE');
    return this.codes.issue(v.id);
  }

  idNumberColumns(idNumber: string | undefined) {
    if (!idNumber) return {};
    const cipher = this.visits.cipher;
    return {
      idNumberEnc: cipher.encrypt(idNumber),
      idNumberHash: cipher.hash('id_number', idNumber),
      idNumberMasked: maskIdNumber(idNumber),
    };
  }

  private async pass(id: string): Promise<VisitorPass> {
    const row = await this.repo.find(id);
    return passView(row!, await this.gateNames());
  }

  private async gateNames() {
    return new Map((await this.repo.gateNames()).map((g) => [g.id, g.name]));
  }

  private async linked(token: string): Promise<VisitRow[]> {
    const rows = await this.repo.byLinkToken(linkTokenHash(token));
    if (rows.length === 0 || !rows[0]!.phoneEnc) throw new AppError('VISITORS_LINK_INVALID');
    return rows;
  }

  private async openBookingLink(code: string) {
    const link = await this.repo.bookingLinkByCode(code.toUpperCase());
    if (!link || !link.link.enabled || link.hostStatus !== 'active') {
      throw new AppError('VISITORS_BOOKING_CLOSED');
    }
    return link;
  }
}
