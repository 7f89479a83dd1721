import path from 'node:path';
import { demoCompound } from '@dayuan/mocks';
import { afterAll, beforeAll, expect } from 'vitest';
import { repoDir, type Stack, startStack } from '../../../server/scripts/stack.mjs';

/** The back end for browser tests, in the mode the environment selects, serving the H5 build. */
export function startE2eStack(): Promise<Stack> {
  return startStack({
    mode: process.env.DATABASE_URL ? 'production' : 'embedded',
    databaseName: `dayuan_e2e_${process.pid}`,
    // The H5 build calls the WeChat mock at this fixed address (TARO_APP_WECHAT_MOCK_BASE).
    wechatPort: 7101,
    h5Dir: path.join(repoDir, 'miniprogram/dist/h5'),
    // Visitor SMS are not held back for quiet hours: tests run at any time of day.
    serverEnv: { SMS_SEND_HOURS: '0-24' },
  });
}

/**
 * The latest SMS to `phone` in the SMS mock's outbox that matches `pattern`, waited for (delivery is
 * asynchronous): the match, so that callers read its groups.
 */
export async function lastSms(stack: Stack, phone: string, pattern: RegExp): Promise<RegExpExecArray> {
  let match: RegExpExecArray | null = null;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(`${stack.smsUrl}/__mock/sms/outbox?phone=${phone}`)).json()) as {
          text: string;
        }[];
        match = messages.map((m) => pattern.exec(m.text)).findLast((m) => m !== null) ?? null;
        return match !== null;
      },
      { timeout: 10_000, message: `an SMS to ${phone} matching ${pattern}` },
    )
    .toBe(true);
  return match!;
}

/** The latest verification code texted to `phone`. */
export const smsCodeFor = async (stack: Stack, phone: string): Promise<string> =>
  (await lastSms(stack, phone, /验证码为(\d{6})/))[1]!;

/** The stack for a test file: started before its tests, stopped after. Read it through the getter. */
export function stackForThisFile(): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startE2eStack();
  }, 120_000);
  afterAll(() => stack?.stop());
  return () => stack!;
}

export const demoPerson = (employeeNo: string) =>
  demoCompound.people.find((p) => p.employeeNo === employeeNo)!;
