import { demoCompound, demoLogins, GateSimulator } from '@dayuan/mocks';
import { describe, expect, it } from 'vitest';
import { signedInPhone } from './support/browser';
import { demoPerson, stackForThisFile } from './support/stack';

const stack = stackForThisFile();

describe('entry codes at the gate', () => {
  it('a staff code opens the east gate once; the same code shown to the guard again is refused', async () => {
    const staff = await signedInPhone(stack().url, demoPerson(demoLogins.staff).name);
    const guard = await signedInPhone(stack().url, demoPerson(demoLogins.guard).name);
    try {
      await staff.page.getByText('通行码').first().click();
      await staff.page.getByText('二维码每 30 秒自动刷新，截图无效').waitFor();
      const code = (await staff.page.locator('.entry-code__text').textContent())!.trim();
      expect(code).toMatch(/^DY1\./);
      await staff.page.locator('.entry-code__qr').waitFor();

      const eastScanner = new GateSimulator(
        stack().url,
        demoCompound.gateDevices.find((d) => d.gateCode === 'EAST')!,
      );
      expect((await eastScanner.scan(code, 'in')).body).toMatchObject({ decision: 'allow' });

      await guard.page.getByText('门岗核验').click();
      await guard.page.locator('.guard__tab', { hasText: '核验' }).click();
      await guard.page.locator('input[placeholder="输入或粘贴通行码"]').fill(code);
      await guard.page.locator('.guard__big-button', { hasText: '核验' }).click();
      await guard.page.locator('.guard__verdict--deny').waitFor();
      expect(await guard.page.locator('.guard__verdict-reason').textContent()).toContain(
        '二维码已使用，请刷新',
      );
      await guard.page.locator('.guard__tab', { hasText: '通行记录' }).click();
      await expect.poll(() => guard.page.locator('.passage').count()).toBeGreaterThanOrEqual(2);
      expect(await guard.page.locator('.passage__decision--allow').count()).toBeGreaterThanOrEqual(1);

      expect(staff.errors).toEqual([]);
      expect(guard.errors).toEqual([]);
    } finally {
      await staff.close();
      await guard.close();
    }
  });
});
