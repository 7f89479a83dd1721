import { demoCompound, demoLogins, GateSimulator } from '@dayuan/mocks';
import { notificationRoutes as n, visitRoutes as v } from '@dayuan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okBody, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let east: GateSimulator;
let north: GateSimulator;
let gateIds: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp({ SMS_SEND_HOURS: '0-24', LOG_LEVEL: 'error' });
  const baseUrl = await t.listen();
  const device = (code: string) =>
    new GateSimulator(
      baseUrl,
      demoCompound.gateDevices.find((d) => d.code === code)!,
    );
  east = device('EAST-QR1');
  north = device('NORTH-QR1');
  const staff = await t.loginAs(demoLogins.staff);
  const zones = okBody(await t.call(v.zones, { token: staff.tokens.accessToken })).items;
  gateIds = Object.fromEntries(zones.map((z) => [z.name, z.id]));
});
afterAll(() => t.close());

const cst = (offsetMinutes: number) => {
  const at = new Date(Date.now() + 8 * 3600_000 + offsetMinutes * 60_000);
  return { date: at.toISOString().slice(0, 10), time: at.toISOString().slice(11, 16) };
};

const outbox = async (phone: string) =>
  (await (await fetch(`${t.sms.url}/__mock/sms/outbox?phone=${phone}`)).json()) as { text: string }[];

async function waitForSms(phone: string, pattern: RegExp): Promise<RegExpExecArray> {
  for (let i = 0; i < 100; i++) {
    for (const m of await outbox(phone)) {
      const match = pattern.exec(m.text);
      if (match) return match;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no SMS to ${phone} matching ${pattern}: ${JSON.stringify(await outbox(phone))}`);
}

async function guestSession(token: string, phone: string) {
  okBody(await t.call(v.invitationCode, { params: { token } }));
  const code = (await waitForSms(phone, /验证码为(\d{6})/))[1]!;
  return okBody(await t.call(v.invitationSession, { params: { token }, body: { code } })).token;
}

const asGuest = (token: string) => ({ headers: { authorization: `Guest ${token}` } });

describe('a host invites, the visitor completes the pass from the SMS link, the gate lets them in', () => {
  it('runs the whole journey and tells the host', async () => {
    const host = await t.loginAs(demoLogins.staff);
    const today = cst(0).date;
    const phone = '13900001111';
    const invited = okBody(
      await t.call(v.invite, {
        token: host.tokens.accessToken,
        body: {
          visitors: [{ name: '赵来访', phone, company: '市财政局', plate: '浙A12345' }],
          purpose: '商谈预算',
          window: { date: today, startTime: '00:00', endTime: '23:59' },
          gateIds: [gateIds['东门']!, gateIds['地下车库入口']!].slice(0, 1),
          maxEntries: 2,
        },
      }),
    ).items;
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({ status: 'approved', visitor: { phoneMasked: '139****1111' } });

    const link = (await waitForSms(phone, /请点击 (\S+) 填写来访信息/))[1]!;
    const linkToken = decodeURIComponent(/t=([A-Za-z0-9_-]+)/.exec(await resolveLink(link))![1]!);
    const preview = okBody(await t.call(v.invitationLink, { params: { token: linkToken } }));
    expect(preview).toMatchObject({ hostName: host.me.name, phoneMasked: '139****1111' });

    const guest = await guestSession(linkToken, phone);
    const [pass] = okBody(await t.call(v.myPasses, asGuest(guest))).items;
    expect(pass).toMatchObject({ status: 'approved', remaining: { privacy: true, idNumber: false } });
    expect((await t.call(v.passCode, { params: { id: pass!.id }, ...asGuest(guest) })).body).toMatchObject({
      code: 'VISITORS_PROFILE_INCOMPLETE',
    });
    okBody(
      await t.call(v.completeProfile, {
        params: { id: pass!.id },
        body: { acceptPrivacy: true },
        ...asGuest(guest),
      }),
    );
    const { code } = okBody(await t.call(v.passCode, { params: { id: pass!.id }, ...asGuest(guest) }));
    expect(code).toMatch(/^DV1\./);

    expect((await north.scan(code, 'in')).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_WRONG_GATE',
    });
    const entry = await east.scan(code, 'in');
    expect(entry.body).toMatchObject({ decision: 'allow', display: '赵*访（访客）' });
    expect((await east.scan(code, 'in')).body).toMatchObject({
      decision: 'deny',
      reason: 'PASS_ALREADY_INSIDE',
    });
    expect((await east.scan(code, 'out')).body).toMatchObject({ decision: 'allow' });
    // A second entry is allowed (2 entries), but not with the code already used for the first one.
    expect((await east.scan(code, 'in')).body).toMatchObject({ decision: 'deny', reason: 'CODE_REPLAYED' });

    const inbox = await waitFor(async () => {
      const items = okBody(await t.call(n.inbox, { token: host.tokens.accessToken })).items;
      return items.find((i) => i.title === '您的访客已到达');
    });
    expect(inbox.body).toContain('赵来访已从东门进入');

    const seen = okBody(await t.call(v.get, { params: { id: pass!.id }, token: host.tokens.accessToken }));
    expect(seen).toMatchObject({ status: 'checked_in', inside: false, entries: { used: 1, max: 2 } });
  });
});

async function resolveLink(link: string): Promise<string> {
  const ticket = /wxaurl\.cn\/(\w+)/.exec(link)?.[1];
  if (!ticket) return link;
  const res = (await (await fetch(`${t.wechat.url}/__mock/urllink/${ticket}`)).json()) as {
    path: string;
    query: string;
  };
  expect(res.path).toBe('visitor/pages/pass/index');
  return `${res.path}?${res.query}`;
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}
