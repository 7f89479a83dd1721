import { demoCompound, demoLogins } from '@dayuan/mocks';
import { describe, expect, it } from 'vitest';
import { signedInPhone } from './support/browser';
import { demoPerson, stackForThisFile } from './support/stack';

const stack = stackForThisFile();

describe('notifications in the H5 app', () => {
  it('an announcement published by an admin reaches a colleague live, then is read', async () => {
    const staff = await signedInPhone(stack().url, demoPerson(demoLogins.staff).name);
    const admin = await signedInPhone(stack().url, demoPerson(demoLogins.admin).name);
    try {
      await staff.page.getByText('暂无未读').waitFor();

      await admin.page.getByText('发布通知').click();
      await admin.page.locator('input[placeholder="标题（不超过 40 字）"]').fill('明日停车场维修');
      await admin.page
        .locator('textarea[placeholder="正文（不超过 1000 字）"]')
        .fill('明天 8:00–12:00 地下车库暂停使用，请停放地面车位。');
      await admin.page.getByText('发送通知').click();
      await admin.page.getByText(`已发送给 ${demoCompound.people.length} 人`).waitFor();

      // No reload on the colleague's phone: the count arrives over the WebSocket.
      await expect.poll(() => staff.page.getByText('暂无未读').count(), { timeout: 15_000 }).toBe(0);
      await staff.page.getByText('消息', { exact: true }).click();
      await expect.poll(() => staff.page.locator('.inbox-row--unread').count(), { timeout: 10_000 }).toBe(1);
      expect(await staff.page.locator('.inbox-row--unread').textContent()).toContain('明日停车场维修');
      await staff.page.getByText('全部已读').click();
      await expect.poll(() => staff.page.locator('.inbox-row--unread').count()).toBe(0);

      expect(staff.errors).toEqual([]);
      expect(admin.errors).toEqual([]);
    } finally {
      await staff.close();
      await admin.close();
    }
  });
});
