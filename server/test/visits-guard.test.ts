import { blockListRoutes as b, gateRoutes as g, visitRoutes as v } from '@dayuan/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, visitorsPassages } from '../src/platform/db/schema.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { allDay, demoGuards, idNumber, visitorsKit } from './support/visitors-kit.js';

const HOST = 'E0030';
const OTHER_STAFF = 'E0031';
const ADMIN = 'E0001';

let t: TestApp;
let kit: ReturnType<typeof visitorsKit>;
let gates: Awaited<ReturnType<typeof kit.gateIds>>;

beforeAll(async () => {
  t = await startTestApp({ SMS_SEND_HOURS: '0-24', LOG_LEVEL: 'error', VISITORS_SWEEP_MS: '0' });
  kit = visitorsKit(t, await t.listen());
  gates = await kit.gateIds();
});
afterAll(() => t.close());

async function invite(name: string, gate: 'EAST' | 'NORTH' = 'EAST', maxEntries = 1) {
  const phone = kit.phone();
  const [visit] = okBody(
    await t.call(v.invite, {
      token: await kit.token(HOST),
      body: {
        visitors: [{ name, phone }],
        purpose: '调研座谈',
        window: allDay(0),
        gateIds: [gates[gate]],
        maxEntries,
      },
    }),
  ).items;
  return { visit: visit!, phone };
}

const walkIn = async (name: string, phone = kit.phone(), gate: 'EAST' | 'NORTH' = 'EAST') =>
  t.call(v.walkIn, {
    token: await kit.token(demoGuards.east),
    body: {
      gateId: gates[gate],
      hostId: (await kit.login(HOST)).me.id,
      name,
      phone,
      purpose: '送交材料',
      until: '23:59',
    },
  });

const manual = async (direction: 'in' | 'out', id: string, reason = '扫码设备故障，人工核验') =>
  t.call(direction === 'in' ? v.checkIn : v.checkOut, {
    params: { id },
    token: await kit.token(demoGuards.east),
    body: { gateId: gates.EAST, reason },
  });

describe('who may see a visit', () => {
  it('only its host among staff: others get VISITORS_NOT_YOUR_VISIT for the visit and its personal data', async () => {
    const { visit } = await invite('吴来宾');
    const host = await kit.token(HOST);
    const other = await kit.token(OTHER_STAFF);
    expect(okBody(await t.call(v.get, { params: { id: visit.id }, token: host })).id).toBe(visit.id);
    expect((await t.call(v.get, { params: { id: visit.id }, token: other })).body).toMatchObject({
      code: 'VISITORS_NOT_YOUR_VISIT',
    });
    expect((await t.call(v.personalData, { params: { id: visit.id }, token: other })).body).toMatchObject({
      code: 'VISITORS_NOT_YOUR_VISIT',
    });
    const theirs = okBody(await t.call(v.list, { token: other, query: { scope: 'mine' } }));
    expect(theirs.items.map((i) => i.id)).not.toContain(visit.id);
    const mine = okBody(await t.call(v.list, { token: host, query: { scope: 'mine' } }));
    expect(mine.items.map((i) => i.id)).toContain(visit.id);
  });

  it('guards see the visits of their own gates only', async () => {
    const eastVisit = (await invite('郑东门', 'EAST')).visit;
    const northVisit = (await invite('冯北门', 'NORTH')).visit;
    const eastGuard = await kit.login(demoGuards.east);
    expect(eastGuard.me.roles.find((r) => r.role === 'guard')).toMatchObject({ gateIds: [gates.EAST] });
    const token = eastGuard.tokens.accessToken;

    const expected = okBody(await t.call(v.expected, { token, query: {} })).items.map((i) => i.id);
    expect(expected).toContain(eastVisit.id);
    expect(expected).not.toContain(northVisit.id);
    const atEast = okBody(await t.call(v.expected, { token, query: { gateId: gates.EAST } })).items;
    expect(atEast.map((i) => i.id)).toContain(eastVisit.id);
    expect((await t.call(v.expected, { token, query: { gateId: gates.NORTH } })).body).toMatchObject({
      code: 'VISITORS_NOT_YOUR_GATE',
    });
    const found = okBody(await t.call(v.expected, { token, query: { q: '郑东' } })).items;
    expect(found.map((i) => i.id)).toEqual([eastVisit.id]);

    expect(okBody(await t.call(v.get, { params: { id: eastVisit.id }, token })).id).toBe(eastVisit.id);
    expect((await t.call(v.get, { params: { id: northVisit.id }, token })).body).toMatchObject({
      code: 'VISITORS_NOT_YOUR_VISIT',
    });
    // The north gate's guard sees it; an admin sees both.
    const north = await kit.token(demoGuards.north);
    const northExpected = okBody(await t.call(v.expected, { token: north, query: {} })).items.map(
      (i) => i.id,
    );
    expect(northExpected).toContain(northVisit.id);
    expect(northExpected).not.toContain(eastVisit.id);
    const admin = okBody(await t.call(v.expected, { token: await kit.token(ADMIN), query: {} })).items;
    expect(admin.map((i) => i.id)).toEqual(expect.arrayContaining([eastVisit.id, northVisit.id]));
  });

  it('gives the host the full phone and ID number, and audits every read', async () => {
    const { visit, phone } = await invite('褚证件', 'NORTH');
    const guest = await kit.guest(phone);
    const id = idNumber('44030519920101456');
    okBody(
      await t.call(v.completeProfile, {
        params: { id: visit.id },
        body: { acceptPrivacy: true, idNumber: id },
        ...kit.asGuest(guest),
      }),
    );
    const host = await kit.login(HOST);
    const seen = okBody(await t.call(v.get, { params: { id: visit.id }, token: host.tokens.accessToken }));
    expect(seen.visitor.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(seen.visitor.idNumberMasked).not.toContain(id.slice(4, 14));
    const full = okBody(
      await t.call(v.personalData, { params: { id: visit.id }, token: host.tokens.accessToken }),
    );
    expect(full).toEqual({ phone, idNumber: id });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'visitors.personal_data.read'), eq(auditLog.entityId, visit.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: host.me.id, entityType: 'visitors_visit' });
    expect(JSON.stringify(audits[0])).not.toContain(id);
  });

  it('lists all visits for admins only', async () => {
    const { visit } = await invite('卫全局');
    expect(
      (await t.call(v.list, { token: await kit.token(HOST), query: { scope: 'all' } })).body,
    ).toMatchObject({
      code: 'AUTH_FORBIDDEN',
    });
    expect(
      (await t.call(v.list, { token: await kit.token(demoGuards.east), query: { scope: 'all' } })).body,
    ).toMatchObject({ code: 'AUTH_FORBIDDEN' });
    const all = okBody(
      await t.call(v.list, { token: await kit.token(ADMIN), query: { scope: 'all', pageSize: 100 } }),
    );
    expect(all.items.map((i) => i.id)).toContain(visit.id);
  });
});

describe('the guard desk', () => {
  it('registers a walk-in, the host approves in the app, the guard hears of it', async () => {
    const registered = okBody(await walkIn('周现场'));
    expect(registered).toMatchObject({ origin: 'walk_in', status: 'pending', awaiting: 'host' });
    const ask = await kit.waitForInbox(HOST, (i) => i.title === '周现场的现场登记待您审批');
    expect(ask).toMatchObject({ template: 'visitors.approval_needed', urgency: 'urgent' });

    const host = await kit.token(HOST);
    const pending = okBody(await t.call(v.list, { token: host, query: { scope: 'approvals' } }));
    expect(pending.items.map((i) => i.id)).toContain(registered.id);
    okBody(await t.call(v.decide, { params: { id: registered.id }, token: host, body: { approve: true } }));
    const told = await kit.waitForInbox(
      demoGuards.east,
      (i) => i.template === 'visitors.visit_decided' && i.title.includes('周现场'),
    );
    expect(told.title).toBe('周现场的来访已通过');

    const expected = okBody(
      await t.call(v.expected, { token: await kit.token(demoGuards.east), query: { status: 'approved' } }),
    );
    expect(expected.items.map((i) => i.id)).toContain(registered.id);
  });

  it('lets a visitor in by hand with a reason: passage with the note, audited', async () => {
    const { visit } = await invite('蒋人工');
    const reason = '二维码无法显示，已核对身份证';
    const checkedIn = okBody(await manual('in', visit.id, reason));
    expect(checkedIn).toMatchObject({ status: 'checked_in', inside: true, entries: { used: 1, max: 1 } });
    const [passage] = await t.db
      .select()
      .from(visitorsPassages)
      .where(eq(visitorsPassages.visitId, visit.id));
    const guard = await kit.login(demoGuards.east);
    expect(passage).toMatchObject({
      decision: 'allow',
      direction: 'in',
      note: reason,
      guardId: guard.me.id,
      deviceId: null,
      gateId: gates.EAST,
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'visitors.manual_check_in'), eq(auditLog.entityId, visit.id)));
    expect(audit).toMatchObject({ actorId: guard.me.id });
    expect(audit!.details).toMatchObject({ reason, gateId: gates.EAST });

    const passages = okBody(await t.call(g.passages, { token: guard.tokens.accessToken })).items;
    expect(passages.find((p) => p.id === String(passage!.id))).toMatchObject({ via: 'guard', note: reason });
  });

  it('refuses checking out before checking in, and a second check-in of a one-time pass', async () => {
    const { visit } = await invite('沈单次');
    expect((await manual('out', visit.id)).body).toMatchObject({ code: 'VISITORS_STATE_CONFLICT' });
    okBody(await manual('in', visit.id));
    expect((await manual('in', visit.id)).body).toMatchObject({ code: 'VISITORS_STATE_CONFLICT' });
    expect(okBody(await manual('out', visit.id))).toMatchObject({ status: 'checked_out', inside: false });
    expect((await manual('in', visit.id)).body).toMatchObject({ code: 'VISITORS_STATE_CONFLICT' });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, visit.id), eq(auditLog.action, 'visitors.manual_check_in')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a walk-in on the block list (by name) and alerts the gate’s guards', async () => {
    okBody(
      await t.call(b.add, {
        token: await kit.token(ADMIN),
        body: { names: ['韩黑名'], reason: '曾在院内滋事' },
      }),
    );
    expect((await walkIn(' 韩黑名 ')).body).toMatchObject({ code: 'VISITORS_BLOCKED' });
    const alert = await kit.waitForInbox(
      demoGuards.lead,
      (i) => i.template === 'visitors.blocked_at_gate' && i.body.includes('韩黑名'),
    );
    expect(alert.body).toContain('现场登记');
  });

  it('refuses a walk-in at a gate that is not the guard’s', async () => {
    expect((await walkIn('杨别门', kit.phone(), 'NORTH')).body).toMatchObject({
      code: 'VISITORS_NOT_YOUR_GATE',
    });
  });
});
