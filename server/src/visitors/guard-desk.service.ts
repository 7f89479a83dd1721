import {
  guardsGate,
  hasRole,
  type ParsedBody,
  type ParsedQuery,
  type Visit,
  visitOriginLabels,
  visitRoutes as r,
} from '@dayuan/shared';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { and, eq, gt, ilike, lt, or, sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { visitorsVisits } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BlockListService } from './block-list.service.js';
import { GateRepository } from './gate.repository.js';
import { VisitPassages } from './visit-passages.js';
import { cstDate, cstDayBounds, cstInstant, cstLabel } from '../platform/time/china-time.js';
import { VisitorAccessService } from './visitor-access.service.js';
import { VisitsRepository } from './visits.repository.js';
import { VisitsService } from './visits.service.js';

const WALK_IN_DECISION_MINUTES = 30;

/** The guard's console: today's expected visitors, walk-ins, and letting people in or out by hand. */
@Injectable()
export class GuardDeskService {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly visits: VisitsService,
    private readonly access: VisitorAccessService,
    private readonly gates: GateRepository,
    private readonly passages: VisitPassages,
    private readonly blockList: BlockListService,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
  ) {}

  async expected(ctx: AuthedCtx, q: ParsedQuery<typeof r.expected>): Promise<{ items: Visit[] }> {
    const me = ctx.principal;
    const isAdmin = hasRole(me.roles, 'admin');
    if (q.gateId && !isAdmin && !guardsGate(me.roles, q.gateId)) throw new AppError('VISITORS_NOT_YOUR_GATE');
    const myGates = me.roles.flatMap((g) => (g.role === 'guard' ? g.gateIds : []));
    const gateIds = q.gateId ? [q.gateId] : isAdmin ? null : myGates;
    const [dayStart, dayEnd] = cstDayBounds(new Date());
    const term = q.q?.trim();
    const phone = term && /^1\d{10}$/.test(term) ? this.visits.cipher.hash('phone', term) : null;
    const where = and(
      lt(visitorsVisits.windowStart, dayEnd),
      gt(visitorsVisits.windowEnd, dayStart),
      gateIds ? sql`${visitorsVisits.gateIds} && ${sql.param(gateIds)}::uuid[]` : undefined,
      q.status ? eq(visitorsVisits.status, q.status) : undefined,
      term
        ? or(
            ilike(visitorsVisits.visitorName, `%${term}%`),
            ilike(visitorsVisits.plate, `%${term.toUpperCase()}%`),
            phone ? eq(visitorsVisits.phoneHash, phone) : undefined,
          )
        : undefined,
    )!;
    return { items: await this.visits.views(await this.repo.list(where)) };
  }

  async walkIn(ctx: AuthedCtx, body: ParsedBody<typeof r.walkIn>): Promise<Visit> {
    const me = ctx.principal;
    const gate = await this.gates.gate(body.gateId);
    if (!gate) throw new AppError('DIRECTORY_GATE_NOT_FOUND');
    if (!guardsGate(me.roles, body.gateId)) throw new AppError('VISITORS_NOT_YOUR_GATE');
    const host = await this.repo.activePerson(body.hostId);
    if (!host) throw new AppError('VISITORS_HOST_NOT_FOUND');
    const zones = await this.visits.chosenZones([body.gateId]);
    if (zones.idNumberRequired && !body.idNumber) {
      throw new AppError('VISITORS_ID_NUMBER_REQUIRED', [
        { path: 'body.idNumber', issue: '该门岗要求登记身份证号' },
      ]);
    }
    const now = new Date();
    const end = cstInstant(cstDate(now), body.until);
    if (end <= now) {
      throw new AppError('VISITORS_WINDOW_INVALID', [{ path: 'body.until', issue: '离开时间须晚于现在' }]);
    }
    if (await this.blockList.match(this.blockList.probe(body))) {
      await this.alertGuards(body.gateId, gate.name, body.name, '现场登记时命中禁止来访名单');
      throw new AppError('VISITORS_BLOCKED');
    }
    const cipher = this.visits.cipher;
    const id = await this.repo.transaction(async (tx) => {
      const [visit] = await this.repo.insertVisits(tx, [
        {
          groupId: randomUUID(),
          origin: 'walk_in',
          status: 'pending',
          awaiting: 'host',
          hostId: host.id,
          departmentId: host.departmentId,
          createdBy: me.personId,
          visitorName: body.name,
          phoneEnc: cipher.encrypt(body.phone),
          phoneHash: cipher.hash('phone', body.phone),
          ...this.access.idNumberColumns(body.idNumber),
          company: body.company || null,
          plate: body.plate ?? null,
          purpose: body.purpose,
          windowStart: now,
          windowEnd: end,
          gateIds: [body.gateId],
          idNumberRequired: zones.idNumberRequired,
          // The guard reads the privacy notice out at the booth before registering.
          privacyAcceptedAt: now,
          requestExpiresAt: new Date(now.getTime() + WALK_IN_DECISION_MINUTES * 60_000),
        },
      ]);
      await this.notifier.notify(tx, {
        template: 'visitors.approval_needed',
        params: {
          visitId: visit!.id,
          visitor: body.name,
          origin: visitOriginLabels.walk_in,
          when: cstLabel(now),
        },
        to: [{ personId: host.id }],
        urgency: 'urgent',
        dedupeKey: `visit-approval:${visit!.id}:host`,
      });
      await this.audit.record(tx, ctx, {
        action: 'visitors.walk_in.registered',
        entityType: 'visitors_visit',
        entityId: visit!.id,
        details: { gateId: body.gateId, hostId: host.id },
      });
      return visit!.id;
    });
    this.dispatcher.kick();
    return this.visits.get(ctx, id);
  }

  async manual(ctx: AuthedCtx, id: string, direction: 'in' | 'out', body: ParsedBody<typeof r.checkIn>) {
    const me = ctx.principal;
    const gate = await this.gates.gate(body.gateId);
    if (!gate) throw new AppError('DIRECTORY_GATE_NOT_FOUND');
    if (!guardsGate(me.roles, body.gateId)) throw new AppError('VISITORS_NOT_YOUR_GATE');
    await this.repo.transaction(async (tx) => {
      const v = await this.repo.lock(tx, id);
      if (!v) throw new AppError('VISITORS_VISIT_NOT_FOUND');
      if (direction === 'in') {
        if (await this.blockList.match(this.visits.probeOf(v), tx)) throw new AppError('VISITORS_BLOCKED');
        if (v.windowEnd.getTime() <= Date.now()) throw new AppError('VISITORS_PASS_EXPIRED');
      }
      const moved = await this.passages.apply(tx, v, {
        gateId: gate.id,
        gateName: gate.name,
        direction,
        source: { guardId: me.personId, note: body.reason },
      });
      if (!moved) throw new AppError('VISITORS_STATE_CONFLICT');
      await this.audit.record(tx, ctx, {
        action: direction === 'in' ? 'visitors.manual_check_in' : 'visitors.manual_check_out',
        entityType: 'visitors_visit',
        entityId: id,
        details: { gateId: gate.id, reason: body.reason, passageId: moved.passageId },
      });
    });
    this.dispatcher.kick();
    return this.visits.get(ctx, id);
  }

  /** Tells the guards of a gate, at once, that a blocked person showed up. */
  async alertGuards(gateId: string, gateName: string, visitor: string, reason: string) {
    const guards = await this.gates.guardsOf(gateId);
    if (guards.length === 0) return;
    await this.repo.transaction((tx) =>
      this.notifier.notify(tx, {
        template: 'visitors.blocked_at_gate',
        params: { visitor, gate: gateName, reason },
        to: guards.map((personId) => ({ personId })),
        dedupeKey: `visit-blocked:${gateId}:${randomUUID()}`,
      }),
    );
    this.dispatcher.kick();
  }
}
