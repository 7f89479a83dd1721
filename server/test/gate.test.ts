import { demoCompound, demoLogins, GateSimulator, signScan } from '@dayuan/mocks';
import { gateRoutes as g } from '@dayuan/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, visitorsPassages } from '../src/platform/db/schema.js';
import { EntryCodes, maskName } from '../src/visitors/entry-code.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let baseUrl: string;
let east: GateSimulator;
beforeAll(async () => {
  t = await startTestApp();
  baseUrl = await t.listen();
  east = new GateSimulator(
    baseUrl,
    demoCompound.gateDevices.find((d) => d.gateCode === 'EAST')!,
  );
});
afterAll(() => t.close());

const codeFor = async (employeeNo: string) => {
  const session = await t.loginAs(employeeNo);
  return { session, ...okBody(await t.call(g.entryCode, { token: session.tokens.accessToken })) };
};

describe('staff entry codes at a gate device', () => {
  it('lets a staff member in with their current code and logs the passage with a masked name', async () => {
    const { code, session, refreshInSeconds } = await codeFor(demoLogins.staff);
    expect(refreshInSeconds).toBeLessThanOrEqual(30);
    const res = await east.scan(code, 'in');
    expect(res).toMatchObject({ status: 200, body: { decision: 'allow', reason: null } });
    expect(res.body.display).toBe(`${maskName(session.me.name)}（工作人员）`);
    expect(res.body.display).not.toContain(session.me.name);
    const [passage] = await t.db
      .select()
      .from(visitorsPassages)
      .where(eq(visitorsPassages.id, Number(res.body.passageId)));
    expect(passage).toMatchObject({ decision: 'allow', personId: session.me.id, direction: 'in' });
  });

  it('refuses the same code twice in one direction (a screenshot), but lets its owner out', async () => {
    const { code } = await codeFor(demoLogins.driver);
    expect((await east.scan(code, 'in')).body.decision).toBe('allow');
    expect((await east.scan(code, 'in')).body).toMatchObject({ decision: 'deny', reason: 'CODE_REPLAYED' });
    expect((await east.scan(code, 'out')).body.decision).toBe('allow');
  });

  it('refuses a code older than a minute, a forged one and a malformed one', async () => {
    const { session } = await codeFor(demoLogins.technician);
    const codes = new EntryCodes(t.config.ENTRY_CODE_KEY);
    const old = codes.issue(session.me.id, Date.now() - 61_000).code;
    expect((await east.scan(old)).body).toMatchObject({ decision: 'deny', reason: 'CODE_EXPIRED' });
    const forged = new EntryCodes(Buffer.alloc(32, 1).toString('base64')).issue(session.me.id).code;
    expect((await east.scan(forged)).body).toMatchObject({ decision: 'deny', reason: 'CODE_FORGED' });
    const future = codes.issue(session.me.id, Date.now() + 120_000).code;
    expect((await east.scan(future)).body).toMatchObject({ decision: 'deny', reason: 'CODE_FORGED' });
    expect((await east.scan('https://example.com/not-ours')).body).toMatchObject({
      decision: 'deny',
      reason: 'CODE_MALFORMED',
    });
    const denied = await t.db.select().from(visitorsPassages).where(eq(visitorsPassages.decision, 'deny'));
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a disabled person at once', async () => {
    const { code, session } = await codeFor(demoLogins.meeting_service);
    await t.db.update(people).set({ status: 'disabled' }).where(eq(people.id, session.me.id));
    expect((await east.scan(code)).body).toMatchObject({ decision: 'deny', reason: 'PERSON_DISABLED' });
  });
});

describe('gate device authentication', () => {
  const device = demoCompound.gateDevices[0]!;
  const send = async (
    signed: ReturnType<typeof signScan>,
    override: { body?: string; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(baseUrl + signed.path, {
      method: 'POST',
      headers: { ...signed.headers, ...override.headers },
      body: override.body ?? signed.body,
    });
    return { status: res.status, body: (await res.json()) as { code: string } };
  };

  it('refuses an unknown device, a wrong signature, a tampered body and missing headers', async () => {
    const scan = { code: 'x', direction: 'in' as const };
    expect(await send(signScan({ code: 'NOPE-QR9', secret: 's' }, scan))).toMatchObject({
      status: 401,
      body: { code: 'GATE_DEVICE_UNKNOWN' },
    });
    expect(await send(signScan(device, scan, { forgeSignature: true }))).toMatchObject({
      status: 401,
      body: { code: 'GATE_SIGNATURE_INVALID' },
    });
    const signed = signScan(device, scan);
    expect(await send(signed, { body: JSON.stringify({ code: 'y', direction: 'in' }) })).toMatchObject({
      status: 401,
      body: { code: 'GATE_SIGNATURE_INVALID' },
    });
    expect(await send(signed, { headers: { 'x-signature': '' } })).toMatchObject({
      status: 401,
      body: { code: 'GATE_SIGNATURE_INVALID' },
    });
  });

  it('refuses a stale timestamp and a replayed request', async () => {
    const sim = new GateSimulator(baseUrl, device);
    const { code } = await codeFor(demoLogins.fleet_manager);
    expect(await sim.scan(code, 'in', { skewSeconds: -120 })).toMatchObject({
      status: 401,
      body: { code: 'GATE_SIGNATURE_STALE' },
    });
    expect(await sim.scan(code, 'in', { skewSeconds: 120 })).toMatchObject({
      status: 401,
      body: { code: 'GATE_SIGNATURE_STALE' },
    });
    expect((await sim.scan(code, 'in')).status).toBe(200);
    expect(await sim.replay()).toMatchObject({ status: 401, body: { code: 'GATE_SIGNATURE_REPLAYED' } });
  });

  it('validates the scan body like any other endpoint', async () => {
    const signed = signScan(device, { code: '', direction: 'sideways' } as never);
    const res = await send(signed);
    expect(res.status).toBe(400);
  });
});

describe('guards scanning with their phones', () => {
  const gateIdOf = async (token: string) => okBody(await t.call(g.passages, { token })).items[0]?.gate.id;

  it('check codes at their own gates only, and see those gates’ passages', async () => {
    const guard = await t.loginAs(demoLogins.guard);
    const guardGates = guard.me.roles.flatMap((r) => (r.role === 'guard' ? r.gateIds : []));
    const { code } = await codeFor(demoLogins.canteen_staff);
    const ok = await t.call(g.guardScan, {
      token: guard.tokens.accessToken,
      body: { gateId: guardGates[0]!, code, direction: 'in' },
    });
    expect(ok).toMatchObject({ status: 200, body: { decision: 'allow' } });

    const north = demoCompound.gateDevices.find((d) => d.gateCode === 'NORTH')!;
    await new GateSimulator(baseUrl, north).scan((await codeFor(demoLogins.approver)).code, 'in');
    const admin = await t.loginAs(demoLogins.admin);
    const adminView = okBody(await t.call(g.passages, { token: admin.tokens.accessToken }));
    const otherGate = adminView.items.map((p) => p.gate.id).find((id) => !guardGates.includes(id));
    if (otherGate) {
      const refused = await t.call(g.guardScan, {
        token: guard.tokens.accessToken,
        body: { gateId: otherGate, code, direction: 'out' },
      });
      expect(refused).toMatchObject({ status: 403, body: { code: 'VISITORS_NOT_YOUR_GATE' } });
    }
    const guardView = okBody(await t.call(g.passages, { token: guard.tokens.accessToken }));
    expect(guardView.items.every((p) => guardGates.includes(p.gate.id))).toBe(true);
    expect(guardView.items[0]).toMatchObject({ via: 'guard', decision: 'allow' });
    expect(adminView.items.length).toBeGreaterThan(guardView.items.length);
    expect(await gateIdOf(guard.tokens.accessToken)).toBe(guardGates[0]);
  });

  it('refuses a gate that does not exist', async () => {
    const guard = await t.loginAs(demoLogins.guard);
    const res = await t.call(g.guardScan, {
      token: guard.tokens.accessToken,
      body: { gateId: '00000000-0000-4000-8000-000000000000', code: 'x', direction: 'in' },
    });
    expect(res).toMatchObject({
      status: 404,
      body: { code: 'DIRECTORY_GATE_NOT_FOUND', message: '门岗不存在' },
    });
  });

  it('is not for staff without the guard role', async () => {
    const staff = await t.loginAs(demoLogins.staff);
    const res = await t.call(g.guardScan, {
      token: staff.tokens.accessToken,
      body: { gateId: '00000000-0000-4000-8000-000000000000', code: 'x', direction: 'in' },
    });
    expect(res).toMatchObject({ status: 403, body: { code: 'AUTH_FORBIDDEN' } });
  });
});
