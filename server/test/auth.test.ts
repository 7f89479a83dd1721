import { demoCompound, demoLogins } from '@dayuan/mocks';
import { appsForRoles, authRoutes, healthRoutes } from '@dayuan/shared';
import { eq } from 'drizzle-orm';
import { AccessTokens } from '../src/platform/auth/access-token.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '../src/platform/db/schema.js';
import { mockPost, okBody, startTestApp, type TestApp } from './support/test-app.js';
import { testDbKind } from './support/test-db.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const unbound = demoCompound.people.find((p) => p.openid === null)!;
const phoneCode = (phoneNumber: string) =>
  mockPost<{ code: string }>(t.wechat.url, '/__mock/wx/phone-code', { phoneNumber });
const outbox = async (phone: string) =>
  (await (await fetch(`${t.sms.url}/__mock/sms/outbox?phone=${phone}`)).json()) as { text: string }[];

async function bindTicket(): Promise<string> {
  const { code } = await t.loginCode();
  const body = okBody(await t.call(authRoutes.wechatLogin, { body: { code } }));
  if (body.status !== 'bind_required') throw new Error(JSON.stringify(body));
  return body.bindTicket;
}

describe('health', () => {
  it('names the database and shared-state backends in use', async () => {
    const res = await t.call(healthRoutes.health);
    expect(res.body).toMatchObject({
      status: 'ok',
      db: testDbKind,
      redis: process.env.REDIS_URL ? 'redis' : 'memory',
    });
  });
});

describe('WeChat login', () => {
  it('signs in a bound person and returns who they are, with a masked phone', async () => {
    const session = await t.loginAs(demoLogins.admin);
    const admin = demoCompound.people.find((p) => p.employeeNo === demoLogins.admin)!;
    expect(session.me).toMatchObject({ employeeNo: admin.employeeNo, name: admin.name, wechatBound: true });
    expect(session.me.phoneMasked).toBe(`${admin.phone.slice(0, 3)}****${admin.phone.slice(-4)}`);
    // The server applies the shared tile rules to the person's roles (the rules have their own tests).
    expect(session.me.apps).toEqual(appsForRoles(['staff', 'admin']).map((a) => a.slug));
    expect(session.me.apps).toContain('directory-import');
    const me = await t.call(authRoutes.me, { token: session.tokens.accessToken });
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).not.toContain(admin.phone);
  });

  it('never sends the WeChat session key to the client', async () => {
    const { code } = await t.loginCode(demoCompound.people[0]!.openid!);
    const res = await t.app.inject({ method: 'POST', url: authRoutes.wechatLogin.path, payload: { code } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/session_?key/i);
  });

  it('refuses a reused login code and an unknown one with their own codes', async () => {
    const { code } = await t.loginCode(demoCompound.people[0]!.openid!);
    expect((await t.call(authRoutes.wechatLogin, { body: { code } })).status).toBe(200);
    const reused = await t.call(authRoutes.wechatLogin, { body: { code } });
    expect(reused).toMatchObject({
      status: 400,
      body: { code: 'AUTH_LOGIN_CODE_USED', message: '登录凭证已使用，请重新登录' },
    });
    const unknown = await t.call(authRoutes.wechatLogin, { body: { code: 'never-issued' } });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'AUTH_LOGIN_CODE_INVALID' } });
  });

  it('refuses a login code older than five minutes', async () => {
    const { code } = await t.loginCode(demoCompound.people[0]!.openid!);
    await mockPost(t.wechat.url, '/__mock/clock', { advanceSeconds: 301 });
    try {
      const res = await t.call(authRoutes.wechatLogin, { body: { code } });
      expect(res).toMatchObject({ status: 400, body: { code: 'AUTH_LOGIN_CODE_INVALID' } });
    } finally {
      await mockPost(t.wechat.url, '/__mock/clock', { advanceSeconds: -301 });
    }
  });

  it('retries a transient WeChat error, and reports WeChat down as 503 without a partial login', async () => {
    const openid = demoCompound.people[0]!.openid!;
    await mockPost(t.wechat.url, '/__mock/faults', { path: '/sns/jscode2session', errcode: -1, times: 1 });
    const once = await t.call(authRoutes.wechatLogin, { body: { code: (await t.loginCode(openid)).code } });
    expect(once.status).toBe(200);

    await mockPost(t.wechat.url, '/__mock/faults', {
      path: '/sns/jscode2session',
      httpStatus: 502,
      times: 5,
    });
    const down = await t.call(authRoutes.wechatLogin, { body: { code: (await t.loginCode(openid)).code } });
    expect(down).toMatchObject({ status: 503, body: { code: 'UPSTREAM_UNAVAILABLE' } });
    await mockPost(t.wechat.url, '/__mock/reset', {});
  });

  it('refuses a disabled person', async () => {
    const staff = demoCompound.people.find((p) => p.employeeNo === demoLogins.staff)!;
    await t.db.update(people).set({ status: 'disabled' }).where(eq(people.employeeNo, staff.employeeNo));
    try {
      const res = await t.call(authRoutes.wechatLogin, {
        body: { code: (await t.loginCode(staff.openid!)).code },
      });
      expect(res).toMatchObject({ status: 403, body: { code: 'AUTH_PERSON_DISABLED' } });
    } finally {
      await t.db.update(people).set({ status: 'active' }).where(eq(people.employeeNo, staff.employeeNo));
    }
  });
});

describe('binding a new WeChat user', () => {
  it('binds by the phone number WeChat confirms, then signs in directly next time', async () => {
    const { code, openid } = await t.loginCode();
    const first = okBody(await t.call(authRoutes.wechatLogin, { body: { code } }));
    if (first.status !== 'bind_required') throw new Error('expected bind_required');
    const bound = await t.call(authRoutes.bindPhone, {
      body: { bindTicket: first.bindTicket, phoneCode: (await phoneCode(unbound.phone)).code },
    });
    expect(bound).toMatchObject({
      status: 200,
      body: { me: { employeeNo: unbound.employeeNo, wechatBound: true } },
    });

    const again = await t.call(authRoutes.wechatLogin, { body: { code: (await t.loginCode(openid)).code } });
    expect(again).toMatchObject({
      status: 200,
      body: { status: 'ok', session: { me: { employeeNo: unbound.employeeNo } } },
    });

    const reuse = await t.call(authRoutes.bindPhone, {
      body: { bindTicket: first.bindTicket, phoneCode: (await phoneCode(unbound.phone)).code },
    });
    expect(reuse).toMatchObject({ status: 400, body: { code: 'AUTH_BIND_TICKET_INVALID' } });
  });

  it('refuses a phone that is not in the directory, and a phone code used twice', async () => {
    const ticket = await bindTicket();
    const { code } = await phoneCode('13000000000');
    const stranger = await t.call(authRoutes.bindPhone, { body: { bindTicket: ticket, phoneCode: code } });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'AUTH_PERSON_NOT_FOUND' } });
    const replay = await t.call(authRoutes.bindPhone, { body: { bindTicket: ticket, phoneCode: code } });
    expect(replay).toMatchObject({ status: 400, body: { code: 'AUTH_PHONE_CODE_INVALID' } });
  });

  it('binds by employee number and the SMS code sent to the phone on file', async () => {
    const person = demoCompound.people.filter((p) => p.openid === null)[1]!;
    const ticket = await bindTicket();
    const sent = await t.call(authRoutes.smsCode, {
      body: { bindTicket: ticket, employeeNo: person.employeeNo },
    });
    expect(sent).toMatchObject({
      status: 200,
      body: { phoneMasked: `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}` },
    });
    const again = await t.call(authRoutes.smsCode, {
      body: { bindTicket: ticket, employeeNo: person.employeeNo },
    });
    expect(again).toMatchObject({ status: 429, body: { code: 'AUTH_SMS_COOLDOWN' } });

    const [message] = await outbox(person.phone);
    const smsCode = /验证码为(\d{6})/.exec(message!.text)![1]!;
    const wrong = smsCode === '000000' ? '111111' : '000000';
    const bad = await t.call(authRoutes.bindSms, {
      body: { bindTicket: ticket, employeeNo: person.employeeNo, smsCode: wrong },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'AUTH_SMS_CODE_INVALID' } });
    const ok = await t.call(authRoutes.bindSms, {
      body: { bindTicket: ticket, employeeNo: person.employeeNo, smsCode },
    });
    expect(ok).toMatchObject({ status: 200, body: { me: { employeeNo: person.employeeNo } } });
  });

  it('locks the SMS code after five wrong tries', async () => {
    const person = demoCompound.people.filter((p) => p.openid === null)[2]!;
    const ticket = await bindTicket();
    await t.call(authRoutes.smsCode, { body: { bindTicket: ticket, employeeNo: person.employeeNo } });
    const smsCode = /验证码为(\d{6})/.exec((await outbox(person.phone))[0]!.text)![1]!;
    const wrong = smsCode === '000000' ? '111111' : '000000';
    const codes = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await t.call(authRoutes.bindSms, {
            body: { bindTicket: ticket, employeeNo: person.employeeNo, smsCode: wrong },
          })
        ).body,
      );
    }
    expect(codes.map((b) => 'code' in b && b.code)).toEqual([
      ...Array(4).fill('AUTH_SMS_CODE_INVALID'),
      'AUTH_SMS_CODE_LOCKED',
    ]);
    const right = await t.call(authRoutes.bindSms, {
      body: { bindTicket: ticket, employeeNo: person.employeeNo, smsCode },
    });
    expect(right).toMatchObject({ status: 400, body: { code: 'AUTH_SMS_CODE_INVALID' } });
  });

  it('refuses an expired or made-up bind ticket', async () => {
    const res = await t.call(authRoutes.smsCode, {
      body: { bindTicket: 'x'.repeat(43), employeeNo: 'E0001' },
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'AUTH_BIND_TICKET_INVALID' } });
  });
});

describe('sessions', () => {
  it('rotates the refresh token; replaying a used one revokes the whole session', async () => {
    const session = await t.loginAs(demoLogins.staff);
    const rotated = okBody(
      await t.call(authRoutes.refresh, { body: { refreshToken: session.tokens.refreshToken } }),
    );
    expect(rotated.tokens.refreshToken).not.toBe(session.tokens.refreshToken);

    const replay = await t.call(authRoutes.refresh, { body: { refreshToken: session.tokens.refreshToken } });
    expect(replay).toMatchObject({ status: 401, body: { code: 'AUTH_REFRESH_INVALID' } });
    const afterReplay = await t.call(authRoutes.me, { token: rotated.tokens.accessToken });
    expect(afterReplay).toMatchObject({ status: 401, body: { code: 'AUTH_SESSION_REVOKED' } });
    const stolen = await t.call(authRoutes.refresh, { body: { refreshToken: rotated.tokens.refreshToken } });
    expect(stolen).toMatchObject({ status: 401, body: { code: 'AUTH_REFRESH_INVALID' } });
  });

  it('lets exactly one of many concurrent refreshes with the same token win', async () => {
    const session = await t.loginAs(demoLogins.staff);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.call(authRoutes.refresh, { body: { refreshToken: session.tokens.refreshToken } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(11);
  });

  it('logout revokes both the access token and the refresh token', async () => {
    const session = await t.loginAs(demoLogins.staff);
    const out = await t.call(authRoutes.logout, { token: session.tokens.accessToken });
    expect(out).toMatchObject({ status: 200, body: { ok: true } });
    expect(await t.call(authRoutes.me, { token: session.tokens.accessToken })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_SESSION_REVOKED' },
    });
    expect(
      await t.call(authRoutes.refresh, { body: { refreshToken: session.tokens.refreshToken } }),
    ).toMatchObject({
      status: 401,
      body: { code: 'AUTH_REFRESH_INVALID' },
    });
  });

  it('tells a missing, forged and expired access token apart', async () => {
    expect(await t.call(authRoutes.me)).toMatchObject({ status: 401, body: { code: 'AUTH_REQUIRED' } });
    expect(await t.call(authRoutes.me, { token: 'not.a.jwt' })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_TOKEN_INVALID' },
    });
    const session = await t.loginAs(demoLogins.staff);
    const [, payload] = session.tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { sub: string; sid: string };
    const tokens = new AccessTokens(t.config.JWT_SECRET, 900);
    const expired = tokens.issue(claims.sub, claims.sid, Date.now() - 901_000).token;
    expect(await t.call(authRoutes.me, { token: expired })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_TOKEN_EXPIRED' },
    });
    const forged = new AccessTokens('another-secret-that-is-long-enough-000000', 900).issue(
      claims.sub,
      claims.sid,
    ).token;
    expect(await t.call(authRoutes.me, { token: forged })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_TOKEN_INVALID' },
    });
    const [header, body, signature] = session.tokens.accessToken.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${body}.`;
    expect(await t.call(authRoutes.me, { token: none })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_TOKEN_INVALID' },
    });
    const otherSubject = Buffer.from(
      JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    expect(await t.call(authRoutes.me, { token: `${header}.${otherSubject}.${signature}` })).toMatchObject({
      status: 401,
      body: { code: 'AUTH_TOKEN_INVALID' },
    });
  });

  it('rate-limits the login endpoint per client address', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const results = [];
    for (let i = 0; i < 31; i++) {
      results.push(await t.call(authRoutes.wechatLogin, { body: { code: `x${i}` }, headers }));
    }
    const last = results.at(-1)!;
    expect(last).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('records who signed in, when, from which client and address', async () => {
    const session = await t.loginAs(demoLogins.guard);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.actorId, session.me.id));
    expect(rows.find((r) => r.action === 'auth.login.wechat')).toMatchObject({
      actorKind: 'person',
      entityType: 'session',
      client: 'weapp',
      ip: '127.0.0.1',
    });
  });
});
