import { demoLogins } from '@dayuan/mocks';
import { describe, expect, it } from 'vitest';
import { openPhone, signedInPhone } from './support/browser';
import { cstHourStart, cstLabel, cstToday } from './support/china-time';
import { chooseDate, chooseTime } from './support/picker';
import { demoPerson, lastSms, smsCodeFor, stackForThisFile } from './support/stack';
import { eastScanner, passToken } from './support/visitor-pass';

const stack = stackForThisFile();

describe('visitor requests', () => {
  it('a visitor asks through the host’s booking link → the host approves → the pass arrives by SMS and opens the east gate', async () => {
    const hostPerson = demoPerson(demoLogins.staff);
    const host = await signedInPhone(stack().url, hostPerson.name);
    const visitor = await openPhone();
    const phone = '13922223333';
    try {
      // The host copies the link of their booking code, to send it to the visitor.
      await host.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack().url });
      await host.page.getByText('访客', { exact: true }).click();
      await host.page.getByText('我的预约码', { exact: true }).click();
      const code = (await host.page.locator('.booking-link__code').textContent())!.trim();
      expect(code).toMatch(/^[0-9A-Z]{8}$/);
      await host.page.getByText('复制预约链接').click();
      await host.page.getByText('内容已复制').waitFor();
      const bookingUrl = await host.page.evaluate(() => navigator.clipboard.readText());
      expect(bookingUrl).toBe(`${stack().url}/#/visitor/pages/request/index?c=${code}`);

      // The visitor opens it, proves the phone and asks to come today, from the current hour on.
      const { page } = visitor;
      await page.goto(bookingUrl);
      await page.locator('.visitor-request__host-name', { hasText: hostPerson.name }).waitFor();
      await page.locator('input[placeholder="请输入手机号"]').fill(phone);
      await page.getByText('获取验证码').click();
      await page.locator('input[placeholder="请输入 6 位验证码"]').fill(await smsCodeFor(stack(), phone));
      await page.getByText('验证', { exact: true }).click();
      await page.locator('input[placeholder="请输入您的姓名"]').fill('周明远');
      await page.locator('input[placeholder="请输入您的单位"]').fill('省档案馆');
      await page.locator('input[placeholder="如：商谈项目合作"]').fill('档案数字化洽谈');
      const today = cstToday();
      const from = cstHourStart();
      await chooseDate(page, page.getByText('选择日期'), today);
      await chooseTime(page, page.getByText('开始时间'), from);
      await chooseTime(page, page.getByText('结束时间'), '23:59');
      await expect
        .poll(() => page.locator('.request-form__pick').allTextContents())
        .toEqual([today, from, '23:59']);
      await page.locator('.check-row', { hasText: '东门' }).click();
      await page.getByText('我已阅读并同意').click();
      await page.getByText('提交预约').click();
      await page.getByText('预约已提交').waitFor();
      await page.getByText(`等待被访人 ${hostPerson.name} 审批，结果将以短信通知您。`).waitFor();

      // The host finds it under 待我审批 and approves.
      await host.page.goBack();
      await host.page.locator('.visitors-home__tab', { hasText: '待我审批' }).click();
      await host.page.locator('.visit-row', { hasText: '周明远' }).click();
      const visit = host.page.locator('.visit');
      await visit.getByText('预约申请').waitFor();
      await visit.getByText('同意', { exact: true }).click();
      await visit.locator('.visit-tag', { hasText: '待到访' }).waitFor();

      // The approval reaches the visitor by SMS, with the window and the link to the pass.
      const sms = await lastSms(
        stack(),
        phone,
        /^【数字大院】您的访客通行证已生效，有效期(.+)至(.+)，请点击 (\S+) 查看通行码。$/,
      );
      expect(sms.slice(1)).toEqual([
        cstLabel(today, from),
        cstLabel(today, '23:59'),
        `${stack().url}/#/visitor/pages/pass/index`,
      ]);
      await page.goto(sms[3]!);
      await page.locator('.pass-card__title', { hasText: `拜访 ${hostPerson.name}` }).waitFor();
      const token = await passToken(page);
      expect((await eastScanner(stack()).scan(token, 'in')).body).toMatchObject({
        decision: 'allow',
        display: '周*远（访客）',
      });

      expect(host.errors).toEqual([]);
      expect(visitor.errors).toEqual([]);
    } finally {
      await host.close();
      await visitor.close();
    }
  });

  it('the east gate guard registers a walk-in → the host approves from the live notice → the guard sees it, lets the visitor in, and the host hears of the arrival', async () => {
    const hostPerson = demoPerson(demoLogins.staff);
    const guardPerson = demoPerson(demoLogins.guard);
    expect(guardPerson.roles).toContainEqual({ role: 'guard', gateCodes: ['EAST'] });
    const host = await signedInPhone(stack().url, hostPerson.name);
    const guard = await signedInPhone(stack().url, guardPerson.name);
    try {
      // The host is on their messages; nothing is reloaded on their phone from here on.
      await host.page.getByText('消息', { exact: true }).click();

      await guard.page.getByText('门岗核验').click();
      await guard.page.locator('.guard__gate', { hasText: '东门' }).waitFor();
      await guard.page.getByText('现场登记', { exact: true }).click();
      const walkIn = guard.page.locator('.walk-in');
      await walkIn.locator('.walk-in__gate-name', { hasText: '东门' }).waitFor();
      await walkIn.locator('input[placeholder="访客姓名"]').fill('郑晓峰');
      await walkIn.locator('input[placeholder="11 位手机号"]').fill('13933334444');
      await walkIn.locator('input[placeholder="选填"]').fill('市供电公司');
      await walkIn.locator('input[placeholder="来访事由"]').fill('电力线路检修');
      await chooseTime(guard.page, walkIn.getByText(/^今天 \d\d:\d\d ›$/), '23:59');
      await walkIn.getByText('今天 23:59 ›').waitFor();
      await walkIn.locator('input[placeholder="输入被访人姓名搜索"]').fill(hostPerson.name);
      await walkIn.getByText('搜索', { exact: true }).click();
      await walkIn.locator('.walk-in__candidate', { hasText: hostPerson.name }).getByText('选择').click();
      await walkIn.getByText('提交登记并通知被访人').click();
      await walkIn.locator('.walk-in__phase-title', { hasText: '已通知被访人，等待确认' }).waitFor();

      // The request reaches the host live; they open it from the notice and approve.
      const notice = host.page.locator('.inbox-row--unread', { hasText: '郑晓峰的现场登记待您审批' });
      await notice.waitFor({ timeout: 15_000 });
      await notice.click();
      const visit = host.page.locator('.visit');
      await visit.locator('.visit__name', { hasText: '郑晓峰' }).waitFor();
      await visit.getByText('同意', { exact: true }).click();
      await visit.locator('.visit-tag', { hasText: '待到访' }).waitFor();

      // The guard's page follows the decision by itself, then the guard lets the visitor in.
      await walkIn
        .locator('.walk-in__phase-title', { hasText: '被访人已确认，可以入园' })
        .waitFor({ timeout: 15_000 });
      expect(await walkIn.locator('input[placeholder="登记原因（2–100 字）"]').inputValue()).toBe(
        '现场登记，被访人已确认',
      );
      await walkIn.getByText('登记入园', { exact: true }).click();
      await walkIn.locator('.walk-in__phase-title', { hasText: '已登记入园' }).waitFor();
      await walkIn.getByText('返回门岗工作台').click();
      await guard.page.locator('.guard__tab', { hasText: '通行记录' }).click();
      const passage = guard.page.locator('.passage', { hasText: '郑*峰（访客）' });
      await passage.waitFor();
      expect(await passage.locator('.passage__decision').textContent()).toBe('通过');
      expect(await passage.locator('.passage__note').textContent()).toBe('备注：现场登记，被访人已确认');

      // Back on the host's messages: the arrival, live.
      await host.page.goBack();
      await host.page
        .locator('.inbox-row--unread', { hasText: '您的访客已到达' })
        .filter({ hasText: '郑晓峰已从东门进入' })
        .waitFor({ timeout: 15_000 });

      expect(host.errors).toEqual([]);
      expect(guard.errors).toEqual([]);
    } finally {
      await host.close();
      await guard.close();
    }
  });
});
