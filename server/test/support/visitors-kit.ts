import { demoCompound, GateSimulator } from '@dayuan/mocks';
import { guestRoutes, notificationRoutes as n, type Session, visitRoutes as v } from '@dayuan/shared';
import { EntryCodes } from '../../src/visitors/entry-code.js';
import { okBody, type TestApp } from './test-app.js';

/** Helpers for the visitor tests: China dates, guests, SMS, gate devices, inbox polling. */
export function visitorsKit(t: TestApp, baseUrl: string) {
  let ipSeq = 0;
  let phoneSeq = 0;
  const sessions = new Map<string, Promise<Session>>();
  const phoneBase = 10_000_000 + Math.floor(Math.random() * 80_000_000);

  /** A fresh client address: the public visitor endpoints are rate limited per IP. */
  const ip = () => {
    ipSeq += 1;
    return { 'x-forwarded-for': `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}` };
  };

  const kit = {
    ip,
    /** A phone number no other test in this file uses. */
    phone: () => `137${String(phoneBase + ++phoneSeq).padStart(8, '0')}`,
    /** Signs a demo person in once per file (logins are rate limited per IP). */
    login(employeeNo: string) {
      let s = sessions.get(employeeNo);
      if (!s) {
        s = t.loginAs(employeeNo);
        sessions.set(employeeNo, s);
      }
      return s;
    },
    async token(employeeNo: string) {
      return (await kit.login(employeeNo)).tokens.accessToken;
    },
    device: (code: string) =>
      new GateSimulator(
        baseUrl,
        demoCompound.gateDevices.find((d) => d.code === code)!,
      ),
    async gateIds(): Promise<Record<'EAST' | 'NORTH' | 'GARAGE', string>> {
      const zones = okBody(await t.call(v.zones, { token: await kit.token('E0030') })).items;
      const byName = Object.fromEntries(zones.map((z) => [z.name, z.id]));
      return { EAST: byName['东门']!, NORTH: byName['北门']!, GARAGE: byName['地下车库入口']! };
    },
    async outbox(phone: string) {
      const res = await fetch(`${t.sms.url}/__mock/sms/outbox?phone=${phone}`);
      return (await res.json()) as { text: string }[];
    },
    async waitForSms(phone: string, pattern: RegExp): Promise<RegExpExecArray> {
      for (let i = 0; i < 100; i++) {
        for (const m of await kit.outbox(phone)) {
          const match = pattern.exec(m.text);
          if (match) return match;
        }
        await sleep(50);
      }
      throw new Error(`no SMS to ${phone} matching ${pattern}: ${JSON.stringify(await kit.outbox(phone))}`);
    },
    /** Proves the phone by SMS code and returns the guest token. */
    async guest(phone: string): Promise<string> {
      const headers = ip();
      okBody(await t.call(guestRoutes.smsCode, { body: { phone }, headers }));
      const code = (await kit.waitForSms(phone, /验证码为(\d{6})/))[1]!;
      return okBody(await t.call(guestRoutes.session, { body: { phone, code }, headers })).token;
    },
    asGuest: (token: string) => ({ headers: { authorization: `Guest ${token}`, ...ip() } }),
    /** The visitor pass code builder the gate accepts (any state: the gate judges it). */
    passCodes: () => new EntryCodes(t.config.ENTRY_CODE_KEY, 'DV1'),
    async inbox(employeeNo: string) {
      return okBody(await t.call(n.inbox, { token: await kit.token(employeeNo) })).items;
    },
    async waitForInbox(
      employeeNo: string,
      match: (item: { template: string; title: string; body: string }) => boolean,
    ) {
      for (let i = 0; i < 100; i++) {
        const item = (await kit.inbox(employeeNo)).find(match);
        if (item) return item;
        await sleep(50);
      }
      throw new Error(`no inbox item for ${employeeNo}: ${JSON.stringify(await kit.inbox(employeeNo))}`);
    },
  };
  return kit;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `YYYY-MM-DD` in China Standard Time, `days` from today. */
export function cstDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** The whole of a China day (00:00–23:59): a window that is open now when `days` is 0. */
export const allDay = (days = 0) => ({ date: cstDay(days), startTime: '00:00', endTime: '23:59' });

/** A valid 18-character ID number (check character computed) from 17 digits. */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}

export const demoGuards = { east: 'E0010', north: 'E0011', garage: 'E0012', lead: 'E0013' } as const;
