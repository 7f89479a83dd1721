import { blockListRoutes as b, visitRoutes as v } from '@dayuan/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../src/platform/db/client.js';
import { visitorsVisits } from '../src/platform/db/schema.js';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';
import { allDay, idNumber, visitorsKit } from './support/visitors-kit.js';

const HOST = 'E0030'; // 办公厅秘书处
const APPROVER = 'E0003'; // approver of the 办公厅 tree
const OTHER_APPROVER = 'E0005'; // approver of 发展改革委 only
const ADMIN = 'E0001';

let t: TestApp;
let kit: ReturnType<typeof visitorsKit>;
let gates: Awaited<ReturnType<typeof kit.gateIds>>;
let bookingCode: string;

beforeAll(async () => {
  t = await startTestApp({ SMS_SEND_HOURS: '0-24', LOG_LEVEL: 'error', VISITORS_SWEEP_MS: '0' });
  kit = visitorsKit(t, await t.listen());
  gates = await kit.gateIds();
  const host = await kit.token(HOST);
  bookingCode = okBody(await t.call(v.bookingLink, { token: host })).code;
  okBody(await t.call(v.updateBookingLink, { token: host, body: { dailyCap: 20, enabled: true } }));
});
afterAll(() => t.close());

interface RequestOptions {
  code?: string;
  phone?: string;
  guest?: string;
  gate?: 'EAST' | 'NORTH' | 'GARAGE';
  days?: number;
  idNumber?: string;
  name?: string;
}

/** A visitor proves a phone and asks to visit the host behind a booking code. */
async function request(o: RequestOptions = {}) {
  const phone = o.phone ?? kit.phone();
  const guest = o.guest ?? (await kit.guest(phone));
  const res = await t.call(v.request, {
    params: { code: o.code ?? bookingCode },
    body: {
      phone,
      name: o.name ?? '李申请',
      company: '市交通局',
      purpose: '汇报工作',
      window: allDay(o.days ?? 0),
      gateIds: [gates[o.gate ?? 'EAST']],
      acceptPrivacy: true,
      ...(o.idNumber ? { idNumber: o.idNumber } : {}),
    },
    ...kit.asGuest(guest),
  });
  return { res, phone, guest };
}

async function pendingRequest(o: RequestOptions = {}) {
  const r = await request(o);
  return { ...r, pass: okBody(r.res) };
}

const decide = async (employeeNo: string, id: string, approve: boolean, note?: string) =>
  t.call(v.decide, {
    params: { id },
    token: await kit.token(employeeNo),
    body: { approve, ...(note ? { note } : {}) },
  });

describe('a visitor books through the host’s public link', () => {
  it('asks, the host approves from the approvals list, the visitor gets the pass by SMS', async () => {
    const host = await kit.login(HOST);
    const link = okBody(await t.call(v.bookingLink, { token: host.tokens.accessToken }));
    expect(link).toMatchObject({ code: bookingCode, enabled: true, dailyCap: 20 });
    expect(link.path).toContain(`c=${bookingCode}`);

    const page = okBody(await t.call(v.bookingPage, { params: { code: bookingCode }, headers: kit.ip() }));
    expect(page.host).toMatchObject({ name: host.me.name });
    expect(page.zones.find((z) => z.id === gates.NORTH)).toMatchObject({ idNumberRequired: true });
    expect(page.zones.find((z) => z.id === gates.GARAGE)).toMatchObject({ approverRequired: true });

    const { pass, phone, guest } = await pendingRequest();
    expect(pass).toMatchObject({ status: 'pending', awaiting: 'host', hostName: host.me.name });

    const approvals = okBody(
      await t.call(v.list, { token: host.tokens.accessToken, query: { scope: 'approvals' } }),
    );
    expect(approvals.items.map((i) => i.id)).toContain(pass.id);
    const inbox = await kit.waitForInbox(HOST, (i) => i.template === 'visitors.approval_needed');
    expect(inbox.title).toBe('李申请的预约申请待您审批');

    const decided = okBody(await decide(HOST, pass.id, true));
    expect(decided).toMatchObject({ status: 'approved', awaiting: null, origin: 'request' });
    await kit.waitForSms(phone, /通行证已生效/);

    const [mine] = okBody(await t.call(v.myPasses, kit.asGuest(guest))).items;
    expect(mine).toMatchObject({
      id: pass.id,
      status: 'approved',
      remaining: { privacy: false, idNumber: false },
    });
    const { code } = okBody(await t.call(v.passCode, { params: { id: pass.id }, ...kit.asGuest(guest) }));
    expect(code).toMatch(/^DV1\./);
    const after = okBody(
      await t.call(v.list, { token: host.tokens.accessToken, query: { scope: 'approvals' } }),
    );
    expect(after.items.map((i) => i.id)).not.toContain(pass.id);
  });

  it('goes on to the department’s approver for the garage; the host cannot decide twice', async () => {
    const { pass, phone } = await pendingRequest({ gate: 'GARAGE' });
    const forwarded = okBody(await decide(HOST, pass.id, true));
    expect(forwarded).toMatchObject({ status: 'pending', awaiting: 'approver' });
    expect((await decide(HOST, pass.id, true)).body).toMatchObject({ code: 'VISITORS_NOT_AWAITING_YOU' });
    expect((await decide(OTHER_APPROVER, pass.id, true)).body).toMatchObject({
      code: 'VISITORS_NOT_AWAITING_YOU',
    });
    const queue = okBody(
      await t.call(v.list, { token: await kit.token(APPROVER), query: { scope: 'approvals' } }),
    );
    expect(queue.items.map((i) => i.id)).toContain(pass.id);
    expect(okBody(await decide(APPROVER, pass.id, true))).toMatchObject({
      status: 'approved',
      awaiting: null,
    });
    await kit.waitForSms(phone, /通行证已生效/);

    // An admin stands in for any department's approver.
    const second = await pendingRequest({ gate: 'GARAGE' });
    okBody(await decide(HOST, second.pass.id, true));
    expect(okBody(await decide(ADMIN, second.pass.id, true))).toMatchObject({ status: 'approved' });
  });

  it('tells the visitor of a rejection, with the host’s note', async () => {
    const { pass, phone } = await pendingRequest();
    const rejected = okBody(await decide(HOST, pass.id, false, '当日另有会议'));
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '当日另有会议' });
    const [sms] = await kit.waitForSms(phone, /来访申请未通过。(.*)/);
    expect(sms).toContain('当日另有会议');
  });

  it('refuses a decision after the request expired, and a second decision', async () => {
    const { pass } = await pendingRequest();
    await t.db
      .update(visitorsVisits)
      .set({ requestExpiresAt: new Date(Date.now() - 60_000) })
      .where(eq(visitorsVisits.id, pass.id));
    expect((await decide(HOST, pass.id, true)).body).toMatchObject({ code: 'VISITORS_REQUEST_EXPIRED' });

    const other = await pendingRequest();
    okBody(await decide(HOST, other.pass.id, true));
    expect((await decide(HOST, other.pass.id, false)).body).toMatchObject({
      code: 'VISITORS_STATE_CONFLICT',
    });
    expect((await decide(HOST, other.pass.id, true)).body).toMatchObject({ code: 'VISITORS_STATE_CONFLICT' });
  });
});

describe('the host’s daily cap', () => {
  it('refuses requests beyond the cap', async () => {
    const host = await kit.token('E0031');
    const { code } = okBody(
      await t.call(v.updateBookingLink, { token: host, body: { dailyCap: 1, enabled: true } }),
    );
    okBody((await request({ code, days: 1 })).res);
    expect((await request({ code, days: 1 })).res.body).toMatchObject({ code: 'VISITORS_HOST_DAILY_CAP' });
    // Another day is another day.
    okBody((await request({ code, days: 2 })).res);
  });

  it('holds under ten concurrent requests: exactly three get through', async () => {
    const host = await kit.token('E0032');
    const { code } = okBody(
      await t.call(v.updateBookingLink, { token: host, body: { dailyCap: 3, enabled: true } }),
    );
    const phone = kit.phone();
    const guest = await kit.guest(phone);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => request({ code, phone, guest, days: 1 })),
    );
    expect(results.filter((r) => r.res.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.res.ok).map((r) => r.res.body)).toEqual(
      Array.from({ length: 7 }, () => expect.objectContaining({ code: 'VISITORS_HOST_DAILY_CAP' })),
    );
    const hostId = (await kit.login('E0032')).me.id;
    const rows = await t.db.select().from(visitorsVisits).where(eq(visitorsVisits.hostId, hostId));
    expect(rows).toHaveLength(3);
  });

  it('is closed when the host turns the link off', async () => {
    const host = await kit.token('E0031');
    const { code } = okBody(
      await t.call(v.updateBookingLink, { token: host, body: { dailyCap: 5, enabled: false } }),
    );
    expect((await t.call(v.bookingPage, { params: { code }, headers: kit.ip() })).body).toMatchObject({
      code: 'VISITORS_BOOKING_CLOSED',
    });
  });
});

describe('personal data in requests', () => {
  it('needs an ID number for the north gate, stores it encrypted and shows it masked', async () => {
    expect((await request({ gate: 'NORTH' })).res.body).toMatchObject({
      code: 'VISITORS_ID_NUMBER_REQUIRED',
    });
    const id = idNumber('33010219850612345');
    const { pass, phone } = await pendingRequest({ gate: 'NORTH', idNumber: id });
    expect(pass.profile.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(pass.remaining).toEqual({ idNumber: false, privacy: false });

    const [raw] = await rawRows<{ id_number_enc: string; phone_enc: string }>(
      t.db,
      sql`SELECT id_number_enc, phone_enc FROM visitors_visits WHERE id = ${pass.id}`,
    );
    expect(raw).toBeDefined();
    expect(raw!.id_number_enc).toBeTruthy();
    expect(raw!.id_number_enc).not.toContain(id);
    expect(raw!.id_number_enc).not.toContain(id.slice(6, 14));
    expect(raw!.phone_enc).not.toContain(phone);

    const host = await kit.token(HOST);
    const seen = await t.call(v.get, { params: { id: pass.id }, token: host });
    expect(JSON.stringify(seen.body)).not.toContain(id);
    expect(JSON.stringify(seen.body)).not.toContain(phone);
    expect(okBody(seen).visitor).toMatchObject({ idNumberMasked: pass.profile.idNumberMasked });
    expect(okBody(await t.call(v.personalData, { params: { id: pass.id }, token: host }))).toEqual({
      phone,
      idNumber: id,
    });
  });

  it('keeps one phone’s passes from another phone’s guest token', async () => {
    const a = await pendingRequest();
    okBody(await decide(HOST, a.pass.id, true));
    const otherPhone = kit.phone();
    const other = await kit.guest(otherPhone);
    const theirs = okBody(await t.call(v.myPasses, kit.asGuest(other))).items;
    expect(theirs.map((p) => p.id)).not.toContain(a.pass.id);
    expect(
      (
        await t.call(v.completeProfile, {
          params: { id: a.pass.id },
          body: { acceptPrivacy: true },
          ...kit.asGuest(other),
        })
      ).body,
    ).toMatchObject({ code: 'VISITORS_VISIT_NOT_FOUND' });
    expect(
      (await t.call(v.passCode, { params: { id: a.pass.id }, ...kit.asGuest(other) })).body,
    ).toMatchObject({
      code: 'VISITORS_VISIT_NOT_FOUND',
    });
    // Asking in someone else's name: the phone in the body is not the token's.
    expect((await request({ phone: a.phone, guest: other })).res.body).toMatchObject({
      code: 'GUEST_TOKEN_INVALID',
    });
    const mine = okBody(await t.call(v.myPasses, kit.asGuest(a.guest))).items;
    expect(mine.map((p) => p.id)).toContain(a.pass.id);
  });

  it('refuses a blocked phone', async () => {
    const phone = kit.phone();
    okBody(await t.call(b.add, { token: await kit.token(ADMIN), body: { phone, reason: '多次滋扰' } }));
    const { res } = await request({ phone, name: '被拦者' });
    expect(res.body).toMatchObject({ code: 'VISITORS_BLOCKED' });
    const rows = await t.db
      .select()
      .from(visitorsVisits)
      .where(and(eq(visitorsVisits.origin, 'request'), eq(visitorsVisits.visitorName, '被拦者')));
    expect(rows).toHaveLength(0);
  });
});
