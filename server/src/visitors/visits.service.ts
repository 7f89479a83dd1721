import { randomInt, randomUUID } from 'node:crypto';
import {
  approvesFor,
  hasRole,
  type ParsedBody,
  type ParsedQuery,
  type Visit,
  visitOriginLabels,
  visitRoutes as r,
} from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db, Tx } from '../platform/db/client.js';
import { visitorsVisits } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx, Principal } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BlockListService } from './block-list.service.js';
import { VisitorLinks, REQUEST_PAGE } from './visitor-links.js';
import { addDays, cstInstant, cstLabel } from '../platform/time/china-time.js';
import { visitView } from './visit-view.js';
import { type VisitRow, VisitsRepository, type VisitWithHost, type ZoneRow } from './visits.repository.js';

const BOOKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Staff side of visits: invitations, decisions, the host's lists and booking code, zone policy. */
@Injectable()
export class VisitsService {
  readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: VisitsRepository,
    private readonly blockList: BlockListService,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
    private readonly links: VisitorLinks,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async zones() {
    return { items: await this.repo.zones() };
  }

  async updateZone(ctx: AuthedCtx, gateId: string, policy: ParsedBody<typeof r.updateZone>) {
    return this.repo.transaction(async (tx) => {
      const zone = (await this.repo.zones(tx)).find((z) => z.id === gateId);
      if (!zone) throw new AppError('DIRECTORY_GATE_NOT_FOUND');
      await this.repo.setZonePolicy(tx, gateId, policy);
      await this.audit.record(tx, ctx, {
        action: 'visitors.zone.updated',
        entityType: 'gate',
        entityId: gateId,
        details: policy,
      });
      return { ...zone, ...policy };
    });
  }

  /** The chosen zones, or DIRECTORY_GATE_NOT_FOUND; and what they demand together. */
  async chosenZones(gateIds: string[], tx?: Db | Tx) {
    const zones = await this.repo.zones(tx);
    const chosen = [...new Set(gateIds)].map((id) => zones.find((z) => z.id === id));
    if (chosen.some((z) => !z)) throw new AppError('DIRECTORY_GATE_NOT_FOUND');
    return policyOf(chosen as ZoneRow[]);
  }

  async invite(ctx: AuthedCtx, body: ParsedBody<typeof r.invite>): Promise<{ items: Visit[] }> {
    const zones = await this.chosenZones(body.gateIds);
    const now = Date.now();
    const windows = Array.from({ length: body.days }, (_, d) => {
      const date = addDays(body.window.date, d);
      return { start: cstInstant(date, body.window.startTime), end: cstInstant(date, body.window.endTime) };
    });
    if (windows.some((w) => w.end <= w.start) || windows[0]!.end.getTime() <= now) {
      throw new AppError('VISITORS_WINDOW_INVALID', [
        { path: 'body.window', issue: '结束须晚于开始，且晚于现在' },
      ]);
    }
    for (const [i, visitor] of body.visitors.entries()) {
      if (await this.blockList.match(this.blockList.probe(visitor))) {
        throw new AppError('VISITORS_BLOCKED', [{ path: `body.visitors.${i}`, issue: '在禁止来访名单中' }]);
      }
    }
    const links = await Promise.all(
      body.visitors.map(async () => {
        const { token, hash } = this.links.newToken();
        return { hash, url: await this.links.passLink(token) };
      }),
    );
    const groupId = randomUUID();
    const host = ctx.principal;
    const ids = await this.repo.transaction(async (tx) => {
      const rows = await this.repo.insertVisits(
        tx,
        body.visitors.flatMap((visitor, i) =>
          windows.map((w) => ({
            groupId,
            origin: 'invitation' as const,
            status: zones.approverRequired ? ('pending' as const) : ('approved' as const),
            awaiting: zones.approverRequired ? ('approver' as const) : null,
            hostId: host.personId,
            departmentId: host.departmentId,
            createdBy: host.personId,
            visitorName: visitor.name,
            phoneEnc: this.cipher.encrypt(visitor.phone),
            phoneHash: this.cipher.hash('phone', visitor.phone),
            company: visitor.company || null,
            plate: visitor.plate ?? null,
            purpose: body.purpose,
            windowStart: w.start,
            windowEnd: w.end,
            gateIds: body.gateIds,
            idNumberRequired: zones.idNumberRequired,
            maxEntries: body.maxEntries,
            linkTokenHash: links[i]!.hash,
            // Decided before the visit starts; a visit already under way (today's), before it ends.
            requestExpiresAt: zones.approverRequired ? (w.start.getTime() > now ? w.start : w.end) : null,
          })),
        ),
      );
      for (const [i, visitor] of body.visitors.entries()) {
        await this.notifier.notify(tx, {
          template: 'visitors.invited',
          params: { host: host.name, when: cstLabel(windows[0]!.start), link: links[i]!.url },
          to: [{ phone: visitor.phone }],
          dedupeKey: `visit-invited:${groupId}:${i}`,
        });
      }
      if (zones.approverRequired) await this.askApprovers(tx, rows);
      await this.audit.record(tx, ctx, {
        action: 'visitors.invited',
        entityType: 'visitors_visit_group',
        entityId: groupId,
        details: {
          visits: rows.length,
          visitors: body.visitors.length,
          days: body.days,
          gates: body.gateIds,
        },
      });
      return rows.map((row) => row.id);
    });
    this.dispatcher.kick();
    return { items: await this.views(await this.repo.withHosts(ids)) };
  }

  async list(ctx: AuthedCtx, q: ParsedQuery<typeof r.list>) {
    const me = ctx.principal;
    let scope: SQL | undefined;
    if (q.scope === 'mine') scope = eq(visitorsVisits.hostId, me.personId);
    else if (q.scope === 'approvals') scope = this.awaitingMe(me);
    else if (!hasRole(me.roles, 'admin')) throw new AppError('AUTH_FORBIDDEN');
    const where = and(scope, q.status ? eq(visitorsVisits.status, q.status) : undefined);
    const { items, total } = await this.repo.page(where, q.page, q.pageSize, q.scope !== 'approvals');
    return { items: await this.views(items), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: AuthedCtx, id: string): Promise<Visit> {
    const row = await this.visible(ctx, id);
    const [view] = await this.views([row]);
    return view!;
  }

  async personalData(ctx: AuthedCtx, id: string) {
    const { visit: v } = await this.visible(ctx, id);
    if (!v.phoneEnc) throw new AppError('VISITORS_VISIT_NOT_FOUND');
    await this.repo.transaction((tx) =>
      this.audit.record(tx, ctx, {
        action: 'visitors.personal_data.read',
        entityType: 'visitors_visit',
        entityId: id,
        details: { fields: v.idNumberEnc ? ['phone', 'idNumber'] : ['phone'] },
      }),
    );
    return {
      phone: this.cipher.decrypt(v.phoneEnc),
      idNumber: v.idNumberEnc ? this.cipher.decrypt(v.idNumberEnc) : null,
    };
  }

  async decide(ctx: AuthedCtx, id: string, body: ParsedBody<typeof r.decide>): Promise<Visit> {
    const me = ctx.principal;
    await this.repo.transaction(async (tx) => {
      const v = await this.repo.lock(tx, id);
      if (!v) throw new AppError('VISITORS_VISIT_NOT_FOUND');
      if (v.status === 'expired') throw new AppError('VISITORS_REQUEST_EXPIRED');
      if (v.status !== 'pending') throw new AppError('VISITORS_STATE_CONFLICT');
      const mayDecide =
        v.awaiting === 'host'
          ? v.hostId === me.personId
          : (v.departmentId !== null && approvesFor(me.roles, v.departmentId)) || hasRole(me.roles, 'admin');
      if (!mayDecide) throw new AppError('VISITORS_NOT_AWAITING_YOU');
      const now = new Date();
      if ((v.requestExpiresAt && v.requestExpiresAt <= now) || v.windowEnd <= now) {
        throw new AppError('VISITORS_REQUEST_EXPIRED');
      }
      if (body.approve && (await this.blockList.match(this.probeOf(v), tx))) {
        throw new AppError('VISITORS_BLOCKED');
      }
      const forward =
        body.approve && v.awaiting === 'host' && (await this.chosenZones(v.gateIds, tx)).approverRequired;
      const next = forward
        ? { awaiting: 'approver' as const }
        : { status: body.approve ? ('approved' as const) : ('rejected' as const), awaiting: null };
      const updated = await this.repo.transition(tx, id, ['pending'], {
        ...next,
        decidedBy: me.personId,
        decisionNote: body.note || null,
      });
      if (!updated) throw new AppError('VISITORS_STATE_CONFLICT');
      if (forward) await this.askApprovers(tx, [updated]);
      else await this.tellOutcome(tx, updated, me, body.approve ? '已通过' : '未通过');
      await this.audit.record(tx, ctx, {
        action: forward
          ? 'visitors.visit.forwarded'
          : body.approve
            ? 'visitors.visit.approved'
            : 'visitors.visit.rejected',
        entityType: 'visitors_visit',
        entityId: id,
        details: { stage: v.awaiting, note: body.note ?? null },
      });
    });
    this.dispatcher.kick();
    return this.get(ctx, id);
  }

  async cancel(ctx: AuthedCtx, id: string): Promise<Visit> {
    await this.repo.transaction(async (tx) => {
      const v = await this.repo.get(id, tx);
      if (!v) throw new AppError('VISITORS_VISIT_NOT_FOUND');
      if (v.hostId !== ctx.principal.personId) throw new AppError('VISITORS_NOT_YOUR_VISIT');
      const updated = await this.repo.transition(tx, id, ['pending', 'approved'], {
        status: 'cancelled',
        awaiting: null,
      });
      if (!updated) throw new AppError('VISITORS_STATE_CONFLICT');
      if (v.phoneEnc) {
        await this.notifier.notify(tx, {
          template: 'visitors.request_decided',
          params: { host: ctx.principal.name, outcome: '已取消', note: '如有疑问请联系被访人。' },
          to: [{ phone: this.cipher.decrypt(v.phoneEnc) }],
          dedupeKey: `visit-cancelled:${id}`,
        });
      }
      await this.audit.record(tx, ctx, {
        action: 'visitors.visit.cancelled',
        entityType: 'visitors_visit',
        entityId: id,
      });
    });
    this.dispatcher.kick();
    return this.get(ctx, id);
  }

  async bookingLink(ctx: AuthedCtx) {
    const hostId = ctx.principal.personId;
    const link =
      (await this.repo.bookingLinkOfHost(hostId)) ??
      (await this.repo.transaction((tx) =>
        this.repo.saveBookingLink(tx, { hostId, code: newBookingCode(), dailyCap: 3, enabled: true }),
      ));
    return this.bookingLinkView(link);
  }

  async updateBookingLink(ctx: AuthedCtx, body: ParsedBody<typeof r.updateBookingLink>) {
    const hostId = ctx.principal.personId;
    const link = await this.repo.transaction(async (tx) => {
      const current = await this.repo.bookingLinkOfHost(hostId, tx);
      const saved = await this.repo.saveBookingLink(tx, {
        hostId,
        code: body.renew || !current ? newBookingCode() : current.code,
        dailyCap: body.dailyCap,
        enabled: body.enabled,
      });
      await this.audit.record(tx, ctx, {
        action: 'visitors.booking_link.updated',
        entityType: 'person',
        entityId: hostId,
        details: { dailyCap: body.dailyCap, enabled: body.enabled, renewed: body.renew },
      });
      return saved;
    });
    return this.bookingLinkView(link);
  }

  /** Staff views of visits, with block-list flags from one read of the list. */
  async views(rows: VisitWithHost[]): Promise<Visit[]> {
    const names = new Map((await this.repo.gateNames()).map((g) => [g.id, g.name]));
    const blocked = await Promise.all(
      rows.map(async (row) => !!(await this.blockList.match(this.probeOf(row.visit)))),
    );
    return rows.map((row, i) => visitView(row, names, this.cipher, blocked[i]!));
  }

  probeOf(v: VisitRow) {
    return {
      phoneHash: v.phoneHash,
      idNumberHash: v.idNumberHash,
      name: v.anonymisedAt ? null : v.visitorName,
    };
  }

  async askApprovers(tx: Tx, visits: VisitRow[]) {
    for (const v of visits) {
      const approvers = await this.repo.approversOf(v.departmentId, tx);
      await this.notifier.notify(tx, {
        template: 'visitors.approval_needed',
        params: {
          visitId: v.id,
          visitor: v.visitorName,
          origin: visitOriginLabels[v.origin],
          when: cstLabel(v.windowStart),
        },
        to: approvers.map((personId) => ({ personId })),
        dedupeKey: `visit-approval:${v.id}:approver`,
      });
    }
  }

  /** After the last decision: the visitor by SMS, the host and the registering guard in the app. */
  async tellOutcome(tx: Tx, v: VisitRow, decider: Principal, outcome: '已通过' | '未通过') {
    const host =
      v.hostId === decider.personId ? decider.name : (await this.repo.activePerson(v.hostId, tx))?.name;
    if (v.phoneEnc && v.origin !== 'walk_in') {
      const phone = this.cipher.decrypt(v.phoneEnc);
      if (outcome === '已通过') {
        await this.notifier.notify(tx, {
          template: 'visitors.pass_ready',
          params: {
            from: cstLabel(v.windowStart),
            to: cstLabel(v.windowEnd),
            link: await this.links.passLink(),
          },
          to: [{ phone }],
          dedupeKey: `visit-pass:${v.id}`,
        });
      } else {
        await this.notifier.notify(tx, {
          template: 'visitors.request_decided',
          params: { host: host ?? '被访人', outcome, note: v.decisionNote ?? '' },
          to: [{ phone }],
          dedupeKey: `visit-decided:${v.id}`,
        });
      }
    }
    const watchers = [v.hostId, v.createdBy].filter((id): id is string => !!id && id !== decider.personId);
    if (watchers.length > 0) {
      await this.notifier.notify(tx, {
        template: 'visitors.visit_decided',
        params: { visitId: v.id, visitor: v.visitorName, outcome },
        to: [...new Set(watchers)].map((personId) => ({ personId })),
        dedupeKey: `visit-decided:${v.id}`,
      });
    }
  }

  private bookingLinkView(link: { code: string; dailyCap: number; enabled: boolean }) {
    const query = `c=${link.code}`;
    return {
      code: link.code,
      dailyCap: link.dailyCap,
      enabled: link.enabled,
      path: `/${REQUEST_PAGE}?${query}`,
      url: this.links.h5Url(REQUEST_PAGE, query),
    };
  }

  /** Visits pending on me: as host, or as approver of their department (admins stand in for all). */
  private awaitingMe(me: Principal): SQL {
    const departments = me.roles.flatMap((g) => (g.role === 'approver' ? g.departmentIds : []));
    const asApprover = hasRole(me.roles, 'admin')
      ? eq(visitorsVisits.awaiting, 'approver')
      : departments.length > 0
        ? and(eq(visitorsVisits.awaiting, 'approver'), inArray(visitorsVisits.departmentId, departments))
        : undefined;
    return and(
      eq(visitorsVisits.status, 'pending'),
      or(and(eq(visitorsVisits.awaiting, 'host'), eq(visitorsVisits.hostId, me.personId)), asApprover),
    )!;
  }

  /** The visit if I may see it: its host, its approvers, guards of its gates, admins. */
  private async visible(ctx: AuthedCtx, id: string): Promise<VisitWithHost> {
    const row = await this.repo.find(id);
    if (!row) throw new AppError('VISITORS_VISIT_NOT_FOUND');
    const me = ctx.principal;
    const v = row.visit;
    const guardGates = me.roles.flatMap((g) => (g.role === 'guard' ? g.gateIds : []));
    const allowed =
      v.hostId === me.personId ||
      v.createdBy === me.personId ||
      hasRole(me.roles, 'admin') ||
      (v.departmentId !== null && approvesFor(me.roles, v.departmentId)) ||
      v.gateIds.some((g) => guardGates.includes(g));
    if (!allowed) throw new AppError('VISITORS_NOT_YOUR_VISIT');
    return row;
  }
}

export function policyOf(zones: ZoneRow[]) {
  return {
    idNumberRequired: zones.some((z) => z.idNumberRequired),
    approverRequired: zones.some((z) => z.approverRequired),
  };
}

function newBookingCode(): string {
  return Array.from({ length: 8 }, () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)]).join(
    '',
  );
}
