import { blockListRoutes as b, visitRoutes as v } from '@dayuan/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorsPassages, visitorsVisits } from '../src/platform/db/schema.js';
import { EntryCodes } from '../src/visitors/entry-code.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { allDay, cstDay, demoGuards, idNumber, visitorsKit } from './support/visitors-kit.js';

const HOST = 'E0030';
const APPROVER = 'E0003';
const ADMIN = 'E0001';

let t: TestApp;
let kit: ReturnType<typeof visitorsKit>;
let gates: Awaited<ReturnType<typeof kit.gateIds>>;
type Sim = ReturnType<typeof kit.device>;
let east: Sim;
let north: Sim;
let garage: Sim;
let northPlates: Sim;
let garagePlates: Sim;

beforeAll(async () => {
  t = await startTestApp({ SMS_SEND_HOURS: '0-24', LOG_LEVEL: 'error', VISITORS_SWEEP_MS: '0' });
  kit = visitorsKit(t, await t.listen());
  gates = await kit.gateIds();
  east = kit.device('EAST-QR1');
  north = kit.device('NORTH-QR1');
  garage = kit.device('GARAGE-QR1');
  northPlates = kit.device('NORTH-LPR1');
  garagePlates = kit.device('GARAGE-LPR1');
});
afterAll(() => t.close());

interface PassOptions {
  gates?: ('EAST' | 'NORTH' | 'GARAGE')[];
  days?: number;
  maxEntries?: number;
  plate?: string;
  name?: string;
  /** Accept the privacy notice (and give an ID number where needed); default true. */
  complete?: boolean;
}

/** A host invites one visitor; the visitor, signed in by SMS, completes the profile. */
async function invitedPass(o: PassOptions = {}) {
  const phone = kit.phone();
  const gateList = (o.gates ?? ['EAST']).map((g) => gates[g]);
  const [visit] = okBody(
    await t.call(v.invite, {
      token: await kit.token(HOST),
      body: {
        visitors: [{ name: o.name ?? '钱来访', phone, ...(o.plate ? { plate: o.plate } : {}) }],
        purpose: '工作对接',
        window: allDay(o.days ?? 0),
        gateIds: gateList,
        maxEntries: o.maxEntries ?? 1,
      },
    }),
  ).items;
  const guest = await kit.guest(phone);
  if (o.complete ?? true) {
    const needsId = o.gates?.includes('NORTH');
    okBody(
      await t.call(v.completeProfile, {
        params: { id: visit!.id },
        body: { acceptPrivacy: true, ...(needsId ? { idNumber: idNumber('11010119900307123') } : {}) },
        ...kit.asGuest(guest),
      }),
    );
  }
  return { visit: visit!, phone, guest, code: kit.passCodes().issue(visit!.id).code };
}

async function guestCode(visitId: string, guest: string) {
  return okBody(await t.call(v.passCode, { params: { id: visitId }, ...kit.asGuest(guest) })).code;
}

const denied = (reason: string) => ({ status: 200, body: { decision: 'deny', reason } });
const allowed = { status: 200, body: { decision: 'allow', reason: null } };

describe('a visitor pass at a gate device is denied for each reason, and the passage is logged', () => {
  it('PASS_NOT_APPROVED while the zone’s approver has not decided', async () => {
    const { visit, code } = await invitedPass({ gates: ['GARAGE'] });
    expect(visit).toMatchObject({ status: 'pending', awaiting: 'approver' });
    expect(await garage.scan(code, 'in')).toMatchObject(denied('PASS_NOT_APPROVED'));
    const [row] = await t.db
      .select()
      .from(visitorsPassages)
      .where(and(eq(visitorsPassages.visitId, visit.id), eq(visitorsPassages.decision, 'deny')));
    expect(row).toMatchObject({ reason: 'PASS_NOT_APPROVED', direction: 'in' });
  });

  it('PASS_REVOKED once the host cancels the visit', async () => {
    const { visit, guest } = await invitedPass();
    const code = await guestCode(visit.id, guest);
    okBody(await t.call(v.cancel, { params: { id: visit.id }, token: await kit.token(HOST) }));
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_REVOKED'));
  });

  it('PASS_NOT_YET_VALID before the window (tomorrow)', async () => {
    const { visit, guest } = await invitedPass({ days: 1 });
    const code = await guestCode(visit.id, guest);
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_NOT_YET_VALID'));
  });

  it('PASS_EXPIRED after the window', async () => {
    const { visit, code } = await invitedPass();
    const yesterday = cstDay(-1);
    await t.db
      .update(visitorsVisits)
      .set({
        windowStart: new Date(`${yesterday}T00:00:00+08:00`),
        windowEnd: new Date(`${yesterday}T23:59:00+08:00`),
      })
      .where(eq(visitorsVisits.id, visit.id));
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_EXPIRED'));
  });

  it('PASS_WRONG_GATE at a gate the pass does not include', async () => {
    const { code } = await invitedPass({ gates: ['EAST'] });
    expect(await north.scan(code, 'in')).toMatchObject(denied('PASS_WRONG_GATE'));
    expect(await east.scan(code, 'in')).toMatchObject(allowed);
  });

  it('PASS_ENTRIES_USED: a one-time pass goes in and out, then not in again', async () => {
    const { visit, code } = await invitedPass({ maxEntries: 1 });
    expect(await east.scan(code, 'in')).toMatchObject(allowed);
    expect(await east.scan(code, 'out')).toMatchObject(allowed);
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_ENTRIES_USED'));
    const seen = okBody(await t.call(v.get, { params: { id: visit.id }, token: await kit.token(HOST) }));
    expect(seen).toMatchObject({ status: 'checked_out', inside: false, entries: { used: 1, max: 1 } });
  });

  it('PASS_ALREADY_INSIDE (anti-passback) and PASS_NOT_INSIDE (out before in)', async () => {
    const { code } = await invitedPass({ maxEntries: 3 });
    expect(await east.scan(code, 'out')).toMatchObject(denied('PASS_NOT_INSIDE'));
    expect(await east.scan(code, 'in')).toMatchObject(allowed);
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_ALREADY_INSIDE'));
  });

  it('PASS_PROFILE_INCOMPLETE before the visitor accepts the privacy notice', async () => {
    const { code } = await invitedPass({ complete: false });
    expect(await east.scan(code, 'in')).toMatchObject(denied('PASS_PROFILE_INCOMPLETE'));
  });

  it('VISITOR_BLOCKED when an admin blocks the visitor after approval; the guards of the gate are alerted', async () => {
    const { visit, phone, code } = await invitedPass({ name: '孙拦截' });
    expect(visit.status).toBe('approved');
    okBody(await t.call(b.add, { token: await kit.token(ADMIN), body: { phone, reason: '曾冒用他人证件' } }));
    expect(await east.scan(code, 'in')).toMatchObject(denied('VISITOR_BLOCKED'));
    const alert = await kit.waitForInbox(
      demoGuards.east,
      (i) => i.template === 'visitors.blocked_at_gate' && i.body.includes('孙拦截'),
    );
    expect(alert).toMatchObject({ title: '禁止来访人员出现' });
    expect(alert.body).toContain('东门');
    // The guard of another gate is not told.
    const northInbox = await kit.inbox(demoGuards.north);
    expect(northInbox.some((i) => i.template === 'visitors.blocked_at_gate')).toBe(false);
  });

  it('CODE_FORGED and CODE_EXPIRED for visitor codes', async () => {
    const { visit } = await invitedPass();
    const forged = new EntryCodes(Buffer.alloc(32, 7).toString('base64'), 'DV1').issue(visit.id).code;
    expect(await east.scan(forged, 'in')).toMatchObject(denied('CODE_FORGED'));
    const old = kit.passCodes().issue(visit.id, Date.now() - 61_000).code;
    expect(await east.scan(old, 'in')).toMatchObject(denied('CODE_EXPIRED'));
    const unknownVisit = kit.passCodes().issue('00000000-0000-4000-8000-000000000000').code;
    expect(await east.scan(unknownVisit, 'in')).toMatchObject(denied('CODE_FORGED'));
    // The real code still works.
    expect(await east.scan(kit.passCodes().issue(visit.id).code, 'in')).toMatchObject(allowed);
  });
});

describe('plate cameras', () => {
  it('deny an unknown plate at the garage', async () => {
    expect(await garagePlates.plate('浙B9Z999', 'in')).toMatchObject({
      ...denied('PLATE_UNKNOWN'),
      body: { display: '未识别' },
    });
  });

  it('let a registered car in at the north gate and out again', async () => {
    const { visit } = await invitedPass({ gates: ['NORTH'], plate: '浙C12345' });
    expect(visit.visitor.plate).toBe('浙C12345');
    expect(await northPlates.plate('浙C·12345', 'in')).toMatchObject(allowed);
    expect(await northPlates.plate('浙C12345', 'in')).toMatchObject(denied('PASS_ALREADY_INSIDE'));
    expect(await northPlates.plate('浙C12345', 'out')).toMatchObject(allowed);
  });

  it('let a car into the garage only once the approver has approved', async () => {
    const { visit } = await invitedPass({ gates: ['GARAGE'], plate: '浙D54321' });
    expect(await garagePlates.plate('浙D54321', 'in')).toMatchObject(denied('PASS_NOT_APPROVED'));
    const decided = okBody(
      await t.call(v.decide, {
        params: { id: visit.id },
        token: await kit.token(APPROVER),
        body: { approve: true },
      }),
    );
    expect(decided).toMatchObject({ status: 'approved', awaiting: null });
    expect(await garagePlates.plate('浙D54321', 'in')).toMatchObject(allowed);
  });
});

describe('two gates scanning the same pass at once', () => {
  it('let exactly one of them open', async () => {
    const { visit, code } = await invitedPass({ gates: ['EAST', 'NORTH'], maxEntries: 2 });
    const results = await Promise.all([east.scan(code, 'in'), north.scan(code, 'in')]);
    const decisions = results.map((r) => r.body.decision);
    expect(decisions.filter((d) => d === 'allow')).toHaveLength(1);
    const deny = results.find((r) => r.body.decision === 'deny')!;
    expect(['CODE_REPLAYED', 'PASS_ALREADY_INSIDE']).toContain(deny.body.reason);
    const [row] = await t.db.select().from(visitorsVisits).where(eq(visitorsVisits.id, visit.id));
    expect(row).toMatchObject({ entriesUsed: 1, inside: true, status: 'checked_in' });
    const allows = await t.db
      .select()
      .from(visitorsPassages)
      .where(and(eq(visitorsPassages.visitId, visit.id), eq(visitorsPassages.decision, 'allow')));
    expect(allows).toHaveLength(1);
  });

  it('let exactly one in even with fresh codes (the database decides)', async () => {
    const { visit } = await invitedPass({ gates: ['EAST', 'NORTH'], maxEntries: 2 });
    const codes = kit.passCodes();
    const now = Date.now();
    // Two different valid codes (this step and the previous one): the code claim cannot decide, the update must.
    const [a, b2] = [codes.issue(visit.id, now).code, codes.issue(visit.id, now - 30_000).code];
    const results = await Promise.all([east.scan(a, 'in'), north.scan(b2, 'in')]);
    expect(results.filter((r) => r.body.decision === 'allow')).toHaveLength(1);
    expect(results.find((r) => r.body.decision === 'deny')!.body.reason).toBe('PASS_ALREADY_INSIDE');
    const [row] = await t.db.select().from(visitorsVisits).where(eq(visitorsVisits.id, visit.id));
    expect(row).toMatchObject({ entriesUsed: 1, inside: true });
  });
});
