import { type DenyReason, type GateDecision, guardsGate } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { SHARED_STATE, type SharedState } from '../platform/kv/kv.js';
import { checkDeviceSignature, type SignedRequest } from './device-signature.js';
import { EntryCodes, ENTRY_CODE_STEP_SECONDS, maskName } from './entry-code.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { BlockListService } from './block-list.service.js';
import { GateRepository } from './gate.repository.js';
import { GuardDeskService } from './guard-desk.service.js';
import { judgeVisit } from './pass-rules.js';
import { VisitPassages, visitorDisplay } from './visit-passages.js';
import { type VisitRow, VisitsRepository } from './visits.repository.js';

interface Device {
  id: string;
  gateId: string;
  secret: string;
}

type Source = { gateId: string; deviceId: string } | { gateId: string; guardId: string };

/** A pass found by code or plate; `claim` marks a code used (only once it would open the gate). */
type Found = { visit: VisitRow; claim?: () => Promise<boolean> } | { reason: DenyReason };

const DEVICE_CACHE_MS = 60_000;

/** Decides at the gate: who is at the gate, may they pass, and the passage log either way. */
@Injectable()
export class GateService {
  private readonly codes: EntryCodes;
  private readonly visitorCodes: EntryCodes;
  private readonly cipher: PersonalDataCipher;
  private devices = new Map<string, Device>();
  private gateNames = new Map<string, string>();
  private devicesLoadedAt = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SHARED_STATE) private readonly state: SharedState,
    private readonly repo: GateRepository,
    private readonly visits: VisitsRepository,
    private readonly passagesOfVisits: VisitPassages,
    private readonly blockList: BlockListService,
    private readonly guardDesk: GuardDeskService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {
    this.codes = new EntryCodes(config.ENTRY_CODE_KEY);
    this.visitorCodes = new EntryCodes(config.ENTRY_CODE_KEY, 'DV1');
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  entryCode(personId: string) {
    return this.codes.issue(personId);
  }

  async deviceScan(
    req: SignedRequest,
    scan: { code: string; direction: 'in' | 'out' },
  ): Promise<GateDecision> {
    const device = await this.authenticateDevice(req);
    return this.decide({ gateId: device.gateId, deviceId: device.id }, scan);
  }

  async devicePlate(
    req: SignedRequest,
    scan: { plate: string; direction: 'in' | 'out' },
  ): Promise<GateDecision> {
    const device = await this.authenticateDevice(req);
    const source = { gateId: device.gateId, deviceId: device.id };
    return this.decideVisitor(source, scan.direction, async () => {
      const visit = await this.visits.visitForPlate(scan.plate, device.gateId, new Date());
      return visit ? { visit } : { reason: 'PLATE_UNKNOWN' };
    });
  }

  async guardScan(ctx: AuthedCtx, scan: { gateId: string; code: string; direction: 'in' | 'out' }) {
    if (!(await this.repo.gate(scan.gateId))) throw new AppError('DIRECTORY_GATE_NOT_FOUND');
    if (!guardsGate(ctx.principal.roles, scan.gateId)) throw new AppError('VISITORS_NOT_YOUR_GATE');
    return this.decide({ gateId: scan.gateId, guardId: ctx.principal.personId }, scan);
  }

  async passages(ctx: AuthedCtx) {
    const isAdmin = ctx.principal.roles.some((g) => g.role === 'admin');
    const gateIds = isAdmin
      ? 'all'
      : ctx.principal.roles.flatMap((g) => (g.role === 'guard' ? g.gateIds : []));
    const rows = await this.repo.todaysPassages(gateIds);
    return {
      items: rows.map(({ passage: p, gateName }) => ({
        id: String(p.id),
        at: p.at.toISOString(),
        gate: { id: p.gateId, name: gateName },
        direction: p.direction,
        decision: p.decision,
        reason: p.reason as DenyReason | null,
        display: p.display,
        via: p.deviceId ? ('device' as const) : ('guard' as const),
        note: p.note,
      })),
    };
  }

  private async decide(
    source: Source,
    scan: { code: string; direction: 'in' | 'out' },
  ): Promise<GateDecision> {
    if (this.visitorCodes.owns(scan.code)) {
      return this.decideVisitor(source, scan.direction, () => this.visitByCode(scan.code, scan.direction));
    }
    const verdict = await this.judge(scan);
    const passageId = await this.repo.recordPassage({
      ...source,
      direction: scan.direction,
      decision: verdict.reason ? 'deny' : 'allow',
      reason: verdict.reason,
      personId: verdict.personId,
      display: verdict.display,
    });
    return {
      decision: verdict.reason ? 'deny' : 'allow',
      reason: verdict.reason,
      display: verdict.display,
      passageId: String(passageId),
    };
  }

  private async decideVisitor(
    source: Source,
    direction: 'in' | 'out',
    find: () => Promise<Found>,
  ): Promise<GateDecision> {
    const found = await find();
    if ('reason' in found) return this.deny(source, direction, found.reason, null, '未识别');
    let v = found.visit;
    let claim = found.claim;
    const display = visitorDisplay(v);
    const blocked = !!(await this.blockList.match({
      phoneHash: v.phoneHash,
      idNumberHash: v.idNumberHash,
      name: v.anonymisedAt ? null : v.visitorName,
    }));
    const now = new Date();
    const gate = { id: source.gateId, name: await this.gateName(source.gateId) };
    for (;;) {
      const reason = judgeVisit(v, { gateId: source.gateId, direction, now, blocked });
      if (!reason && claim && !(await claim())) {
        return this.deny(source, direction, 'CODE_REPLAYED', v.id, display);
      }
      claim = undefined;
      if (reason) {
        if (reason === 'VISITOR_BLOCKED') {
          await this.guardDesk.alertGuards(gate.id, gate.name, v.visitorName, '通行证核验时命中禁止来访名单');
        }
        return this.deny(source, direction, reason, v.id, display);
      }
      const applied = await this.visits.transaction((tx) =>
        this.passagesOfVisits.apply(tx, v, {
          gateId: gate.id,
          gateName: gate.name,
          direction,
          source:
            'deviceId' in source ? { deviceId: source.deviceId } : { guardId: source.guardId, note: null },
        }),
      );
      if (applied) {
        this.dispatcher.kick();
        return { decision: 'allow', reason: null, display, passageId: String(applied.passageId) };
      }
      // Another gate moved this pass meanwhile: judge again on what it is now.
      v = (await this.visits.get(v.id))!;
    }
  }

  private async visitByCode(code: string, direction: 'in' | 'out'): Promise<Found> {
    const checked = this.visitorCodes.verify(code);
    if (!checked.ok) return { reason: checked.reason };
    const visit = await this.visits.get(checked.subjectId);
    if (!visit) return { reason: 'CODE_FORGED' };
    const claim = () =>
      this.state.kv.setIfAbsent(
        `visit-code:${visit.id}:${checked.step}:${direction}`,
        '1',
        ENTRY_CODE_STEP_SECONDS * 3,
      );
    return { visit, claim };
  }

  private async deny(
    source: Source,
    direction: 'in' | 'out',
    reason: DenyReason,
    visitId: string | null,
    display: string,
  ): Promise<GateDecision> {
    const passageId = await this.repo.recordPassage({
      ...source,
      direction,
      decision: 'deny',
      reason,
      visitId,
      display,
    });
    return { decision: 'deny', reason, display, passageId: String(passageId) };
  }

  private async judge(scan: {
    code: string;
    direction: 'in' | 'out';
  }): Promise<{ reason: DenyReason | null; personId: string | null; display: string }> {
    const checked = this.codes.verify(scan.code);
    if (!checked.ok) return { reason: checked.reason, personId: null, display: '未识别' };
    const personId = checked.subjectId;
    const person = await this.repo.person(personId);
    if (!person) return { reason: 'CODE_FORGED', personId: null, display: '未识别' };
    const display = `${maskName(person.name)}（工作人员）`;
    if (person.status !== 'active') return { reason: 'PERSON_DISABLED', personId, display };
    // One passage per code and direction: the same code shown again (a screenshot) is refused.
    const fresh = await this.state.kv.setIfAbsent(
      `entry-code:${personId}:${checked.step}:${scan.direction}`,
      '1',
      ENTRY_CODE_STEP_SECONDS * 3,
    );
    if (!fresh) return { reason: 'CODE_REPLAYED', personId, display };
    return { reason: null, personId, display };
  }

  private async authenticateDevice(req: SignedRequest): Promise<Device> {
    if (Date.now() - this.devicesLoadedAt > DEVICE_CACHE_MS) await this.loadDevices();
    let checked = checkDeviceSignature(req, (code) => this.devices.get(code)?.secret, Date.now() / 1000);
    if (!checked.ok && checked.code === 'GATE_DEVICE_UNKNOWN') {
      // A device registered since the last load.
      await this.loadDevices();
      checked = checkDeviceSignature(req, (code) => this.devices.get(code)?.secret, Date.now() / 1000);
    }
    if (!checked.ok) throw new AppError(checked.code);
    if (!(await this.state.kv.setIfAbsent(`device-nonce:${checked.deviceCode}:${checked.nonce}`, '1', 120))) {
      throw new AppError('GATE_SIGNATURE_REPLAYED');
    }
    return this.devices.get(checked.deviceCode)!;
  }

  private async gateName(gateId: string): Promise<string> {
    if (!this.gateNames.has(gateId)) await this.loadDevices();
    return this.gateNames.get(gateId)!;
  }

  private async loadDevices() {
    const [rows, gates] = await Promise.all([this.repo.activeDevices(), this.repo.gates()]);
    this.devices = new Map(
      rows.map((d) => [d.code, { id: d.id, gateId: d.gateId, secret: this.cipher.decrypt(d.secretEnc) }]),
    );
    this.gateNames = new Map(gates.map((g) => [g.id, g.name]));
    this.devicesLoadedAt = Date.now();
  }
}
