import { demoCompound, demoLogins } from '@dayuan/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPhone } from './support/browser';
import { smsCodeFor, demoPerson, stackForThisFile } from './support/stack';

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

const stack = stackForThisFile();
let phone: Awaited<ReturnType<typeof openPhone>>;
beforeEach(async () => {
  phone = await openPhone();
});
afterEach(async () => {
  expect(phone.errors).toEqual([]);
  await phone.close();
});

describe('signing in on the H5 app', () => {
  it('a staff member picks their WeChat account, sees their tiles and profile, and logs out', async () => {
    const staff = demoPerson(demoLogins.staff);
    const { page } = phone;
    await page.goto(`${stack().url}/`);
    await page.getByText('选择演示微信账号').waitFor();
    await page.getByText(staff.name, { exact: false }).first().click();

    await page.getByText(staff.name, { exact: false }).first().waitFor();
    await expect.poll(() => page.url()).toContain('pages/workbench/index');
    await page.getByText('通讯录').first().waitFor();
    expect(await page.getByText('人员导入').count()).toBe(0);
    const accessToken = await page.evaluate(() => JSON.stringify(localStorage));

    await page.getByText('我的').last().click();
    await page.getByText(masked(staff.phone)).waitFor();
    await page.getByText(staff.employeeNo).first().waitFor();
    await page.getByText('工作人员').first().waitFor();

    await page.getByText('退出登录').click();
    await page.getByText('选择演示微信账号').waitFor();
    const token = /"accessToken\\?":\\?"([^"\\]+)/.exec(accessToken)?.[1];
    expect(token).toBeDefined();
    const me = await fetch(`${stack().url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ code: 'AUTH_SESSION_REVOKED' });

    await page.reload();
    await page.getByText('选择演示微信账号').waitFor();
  });

  it('an admin sees the import tile and the directory', async () => {
    const admin = demoPerson(demoLogins.admin);
    const { page } = phone;
    await page.goto(`${stack().url}/`);
    await page.getByText(admin.name, { exact: false }).first().click();
    await page.getByText('人员导入').waitFor();
    await page.getByText('通讯录').first().click();
    await expect.poll(() => page.url()).toContain('directory/pages/people/index');
    await page.getByText(demoPerson('E0030').name).first().waitFor();
  });

  it('a new WeChat user binds with employee number and the texted code', async () => {
    const newcomer = demoCompound.people.find((p) => p.openid === null)!;
    const { page } = phone;
    await page.goto(`${stack().url}/`);
    await page.getByText('以新微信用户登录').click();
    await page.locator('input[placeholder="请输入工号"]').fill(newcomer.employeeNo);
    await page.getByText('获取验证码').click();
    await page.getByText(`验证码已发送至 ${masked(newcomer.phone)}`).waitFor();
    await page
      .locator('input[placeholder="请输入短信验证码"]')
      .fill(await smsCodeFor(stack(), newcomer.phone));
    await page.getByText('绑定并登录').click();
    await expect.poll(() => page.url()).toContain('pages/workbench/index');
    await page.getByText(newcomer.name, { exact: false }).first().waitFor();
  });
});
