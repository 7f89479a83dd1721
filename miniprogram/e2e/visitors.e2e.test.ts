import { demoLogins } from '@dayuan/mocks';
import { describe, expect, it } from 'vitest';
import { openPhone, signedInPhone } from './support/browser';
import { cstHourStart, cstToday } from './support/china-time';
import { chooseDate, chooseTime } from './support/picker';
import { demoPerson, lastSms, smsCodeFor, stackForThisFile } from './support/stack';
import { eastScanner, passToken } from './support/visitor-pass';

const stack = stackForThisFile();

describe('visitors', () => {
  it('host invites → visitor opens the SMS link, proves the phone, shows the pass → gate allows → host sees the arrival live', async () => {
    const hostPerson = demoPerson(demoLogins.staff);
    const host = await signedInPhone(stack().url, hostPerson.name);
    const visitor = await openPhone();
    const phone = '13911112222';
    try {
      // The host invites from the form: today, from the current hour (a window that has begun, so the
      // gate lets the visitor in) to the end of the day.
      const today = cstToday();
      const from = cstHourStart();
      await host.page.getByText('访客', { exact: true }).click();
      await host.page.getByText('邀请访客', { exact: true }).click();
      const invite = host.page.locator('.invite');
      await invite.locator('input[placeholder="访客姓名"]').fill('钱来宾');
      await invite.locator('input[placeholder="手机号"]').fill(phone);
      await invite.locator('input[placeholder="单位（选填）"]').fill('省档案馆');
      await invite.locator('input[placeholder="来访事由（不超过 100 字）"]').fill('档案交接');
      // Late in the evening the form proposes tomorrow morning: the date is picked too.
      await chooseDate(host.page, invite.getByText(/^日期：/), today);
      await chooseTime(host.page, invite.locator('.invite__time').first(), from);
      await chooseTime(host.page, invite.locator('.invite__time').last(), '23:59');
      await expect
        .poll(() => invite.locator('.invite__picker-value').allTextContents())
        .toEqual([`日期：${today}`, from, '23:59']);
      await invite.locator('.list-item', { hasText: '东门' }).click();
      await invite.getByText('发送邀请').click();
      await host.page.getByText('已创建 1 张通行证，短信已发送给 1 位访客。').waitFor();
      await host.page.getByText('好的', { exact: true }).click();
      // Back on 我的访客, the invitation waits for its visitor.
      await host.page
        .locator('.visit-row', { hasText: '钱来宾' })
        .locator('.visit-tag', { hasText: '待到访' })
        .waitFor();

      const link = (await lastSms(stack(), phone, /请点击 (\S+) 填写来访信息/))[1]!;
      expect(link).toContain('/#/visitor/pages/pass/index?t=');
      await visitor.page.goto(link);
      await visitor.page.getByText(`${hostPerson.name} 邀请您来访`).waitFor();
      await visitor.page.getByText('获取验证码').click();
      await visitor.page
        .locator('input[placeholder="请输入 6 位验证码"]')
        .fill(await smsCodeFor(stack(), phone));
      await visitor.page.getByText('验证', { exact: true }).click();
      await visitor.page.getByText('我已阅读并同意').click();
      await visitor.page.getByText('提交', { exact: true }).click();
      const token = await passToken(visitor.page);
      expect((await eastScanner(stack()).scan(token, 'in')).body).toMatchObject({
        decision: 'allow',
        display: '钱*宾（访客）',
      });

      await host.page.goBack();
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
