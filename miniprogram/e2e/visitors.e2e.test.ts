import { demoCompound, demoLogins, GateSimulator } from '@dayuan/mocks';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPhone, signedInPhone } from './support/browser';
import { demoPerson, stackForThisFile } from './support/stack';

const stack = stackForThisFile();

/** Today's date in China Standard Time. */
const cstToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function lastSms(phone: string, pattern: RegExp): Promise<RegExpExecArray> {
  let match: RegExpExecArray | null = null;
  await expect
    .poll(
      async () => {
        const messages = (await (
          await fetch(`${stack().smsUrl}/__mock/sms/outbox?phone=${phone}`)
        ).json()) as {
          text: string;
        }[];
        match = messages.map((m) => pattern.exec(m.text)).findLast((m) => m !== null) ?? null;
        return match !== null;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return match!;
}

/** The signed-in person's access token, as the H5 app keeps it. */
async function accessToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('dayuan.session') ?? '');
  return /"accessToken\\?":\\?"([^"\\]+)/.exec(raw)![1]!;
}

describe('visitors', () => {
  it('host invites → visitor opens the SMS link, proves the phone, shows the pass → gate allows → host sees the arrival live', async () => {
    const hostPerson = demoPerson(demoLogins.staff);
    const host = await signedInPhone(stack().url, hostPerson.name);
    const visitor = await openPhone();
    const phone = '13911112222';
    try {
      // The host's own session invites (the form's window pickers start at the current hour; the gate
      // check below needs a window that has begun, so the window is chosen explicitly here).
      const zones = (await (
        await fetch(`${stack().url}/api/visitors/zones`, {
          headers: { authorization: `Bearer ${await accessToken(host.page)}` },
        })
      ).json()) as { items: { id: string; name: string }[] };
      const east = zones.items.find((z) => z.name === '东门')!;
      const res = await fetch(`${stack().url}/api/visitors/invitations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await accessToken(host.page)}`,
        },
        body: JSON.stringify({
          visitors: [{ name: '钱来宾', phone, company: '省档案馆' }],
          purpose: '档案交接',
          window: { date: cstToday(), startTime: '00:00', endTime: '23:59' },
          gateIds: [east.id],
        }),
      });
      expect(res.status).toBe(200);

      const link = (await lastSms(phone, /请点击 (\S+) 填写来访信息/))[1]!;
      expect(link).toContain('/#/visitor/pages/pass/index?t=');
      await visitor.page.goto(link);
      await visitor.page.getByText(`${hostPerson.name} 邀请您来访`).waitFor();
      await visitor.page.getByText('获取验证码').click();
      const code = (await lastSms(phone, /验证码为(\d{6})/))[1]!;
      await visitor.page.locator('input[placeholder="请输入 6 位验证码"]').fill(code);
      await visitor.page.getByText('验证', { exact: true }).click();
      await visitor.page.getByText('我已阅读并同意').click();
      await visitor.page.getByText('提交', { exact: true }).click();
      const qr = visitor.page.locator('.pass-qr__body');
      await qr.waitFor();
      const token = (await qr.getAttribute('data-code'))!;
      expect(token).toMatch(/^DV1\./);

      const scanner = new GateSimulator(
        stack().url,
        demoCompound.gateDevices.find((d) => d.code === 'EAST-QR1')!,
      );
      expect((await scanner.scan(token, 'in')).body).toMatchObject({
        decision: 'allow',
        display: '钱*宾（访客）',
      });

      await host.page.getByText('消息', { exact: true }).click();
      await expect
        .poll(() => host.page.locator('.inbox-row--unread').allTextContents(), { timeout: 10_000 })
        .toContainEqual(expect.stringContaining('您的访客已到达'));
      expect(host.errors).toEqual([]);
      expect(visitor.errors).toEqual([]);
    } finally {
      await host.close();
      await visitor.close();
    }
  });
});
