import { demoCompound, GateSimulator } from '@dayuan/mocks';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Stack } from '../../../server/scripts/stack.mjs';

/** The visitor pass token the QR on the page encodes (its machine-readable `data-code`). */
export async function passToken(page: Page): Promise<string> {
  const qr = page.locator('.pass-qr__body');
  await qr.waitFor();
  const token = (await qr.getAttribute('data-code'))!;
  expect(token).toMatch(/^DV1\./);
  return token;
}

/** The demo east gate's QR scanner, signing requests like the device. */
export const eastScanner = (stack: Stack) =>
  new GateSimulator(
    stack.url,
    demoCompound.gateDevices.find((d) => d.code === 'EAST-QR1')!,
  );
