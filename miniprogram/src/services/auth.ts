import Taro from '@tarojs/taro';
import { z } from 'zod';
import { authRoutes, type Session, type WechatLoginResult } from '@dayuan/shared';
import { useSession } from '@/stores/session';
import { call, callUrl, relaunchToLogin } from './request';

export const WORKBENCH_PAGE = '/pages/workbench/index';

/** WeChat mock control plane; set only in builds that talk to the mocks (H5 plays the phone through it). */
export const WECHAT_MOCK_BASE = process.env.TARO_APP_WECHAT_MOCK_BASE ?? '';

const DEVICE_OPENID_KEY = 'dayuan.h5-openid';

const MockLoginCodeSchema = z.object({ code: z.string().min(1) });

const DemoAccountSchema = z.object({
  openid: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  department: z.string().nullable(),
  roleLabels: z.array(z.string()),
});
export type DemoAccount = z.infer<typeof DemoAccountSchema>;

/** The demo WeChat users the mock knows (H5 login page, mock mode only). */
export function listDemoAccounts(): Promise<DemoAccount[]> {
  return callUrl(`${WECHAT_MOCK_BASE}/__mock/wx/accounts`, z.array(DemoAccountSchema), { method: 'GET' });
}

/** The WeChat identity this H5 "device" last used, if any. */
export function deviceOpenid(): string | null {
  const value: unknown = Taro.getStorageSync(DEVICE_OPENID_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A fresh WeChat identity for H5 mock mode: a user the directory has never seen. */
export function newDeviceOpenid(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = crypto.getRandomValues(new Uint8Array(27));
  return `o${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * A one-time WeChat login code. weapp: `wx.login`. h5: the WeChat mock plays the phone
 * for `openid` (the remembered device identity by default).
 */
export async function getLoginCode(openid?: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login();
    return code;
  }
  const identity = openid ?? deviceOpenid() ?? newDeviceOpenid();
  Taro.setStorageSync(DEVICE_OPENID_KEY, identity);
  const { code } = await callUrl(`${WECHAT_MOCK_BASE}/__mock/wx/login`, MockLoginCodeSchema, {
    method: 'POST',
    body: { openid: identity },
  });
  return code;
}

/** Signs in with WeChat; a WeChat user not yet bound to the directory gets a bind ticket instead. */
export async function wechatLogin(openid?: string): Promise<WechatLoginResult> {
  const code = await getLoginCode(openid);
  const result = await call(authRoutes.wechatLogin, { body: { code } });
  if (result.status === 'ok') signIn(result.session);
  return result;
}

export async function bindByPhone(bindTicket: string, phoneCode: string): Promise<void> {
  signIn(await call(authRoutes.bindPhone, { body: { bindTicket, phoneCode } }));
}

export function sendSmsCode(bindTicket: string, employeeNo: string) {
  return call(authRoutes.smsCode, { body: { bindTicket, employeeNo } });
}

export async function bindBySms(bindTicket: string, employeeNo: string, smsCode: string): Promise<void> {
  signIn(await call(authRoutes.bindSms, { body: { bindTicket, employeeNo, smsCode } }));
}

/** Loads the signed-in person and keeps the session's copy current. */
export async function fetchMe() {
  const me = await call(authRoutes.me);
  useSession.getState().setMe(me);
  return me;
}

/** Revokes the session on the server (best effort), forgets it here and returns to login. */
export async function logout(): Promise<void> {
  try {
    await call(authRoutes.logout);
  } catch {
    // The local session ends either way; an unreachable server cannot keep anyone signed in here.
  } finally {
    useSession.getState().clear();
    await relaunchToLogin();
  }
}

function signIn(session: Session): void {
  useSession.getState().signIn(session);
}
