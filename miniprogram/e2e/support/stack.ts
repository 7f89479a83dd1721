import path from 'node:path';
import { demoCompound } from '@dayuan/mocks';
import { afterAll, beforeAll } from 'vitest';
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

export async function smsCodeFor(stack: Stack, phone: string): Promise<string> {
  const messages = (await (await fetch(`${stack.smsUrl}/__mock/sms/outbox?phone=${phone}`)).json()) as {
    text: string;
  }[];
  const code = /验证码为(\d{6})/.exec(messages.at(-1)?.text ?? '')?.[1];
  if (!code) throw new Error(`no login code was texted to ${phone}`);
  return code;
}

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
