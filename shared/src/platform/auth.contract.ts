import { z } from 'zod';
import { route } from '../common/route.js';
import { EmployeeNoSchema, IsoDateTimeSchema } from '../common/schemas.js';
import { PersonSummarySchema } from './directory.contract.js';

export const ClientKind = z.enum(['weapp', 'h5', 'device', 'unknown']);
export type ClientKind = z.infer<typeof ClientKind>;
/** Request header that names the client kind, for the audit trail. */
export const CLIENT_HEADER = 'x-dayuan-client';

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: IsoDateTimeSchema,
  refreshToken: z.string(),
  refreshTokenExpiresAt: IsoDateTimeSchema,
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const MeSchema = PersonSummarySchema.extend({
  /** Micro-app slugs this person sees on the workbench. */
  apps: z.array(z.string()),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionSchema = z.object({ tokens: TokenPairSchema, me: MeSchema });
export type Session = z.infer<typeof SessionSchema>;

const BindTicketSchema = z.string().min(16).max(128);

export const WechatLoginBodySchema = z.strictObject({
  /** The code from wx.login (valid 5 minutes, single use). */
  code: z.string().min(1).max(128),
});

export const WechatLoginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), session: SessionSchema }),
  z.object({
    status: z.literal('bind_required'),
    /** Proves the WeChat identity to the bind endpoints; short-lived, single use. */
    bindTicket: BindTicketSchema,
    expiresAt: IsoDateTimeSchema,
  }),
]);
export type WechatLoginResult = z.infer<typeof WechatLoginResultSchema>;

export const BindPhoneBodySchema = z.strictObject({
  bindTicket: BindTicketSchema,
  /** The code from the getPhoneNumber button (not the wx.login code). */
  phoneCode: z.string().min(1).max(128),
});

export const SmsCodeBodySchema = z.strictObject({
  bindTicket: BindTicketSchema,
  employeeNo: EmployeeNoSchema,
});
export const SmsCodeResultSchema = z.object({
  phoneMasked: z.string(),
  resendAfterSeconds: z.number().int(),
});

export const BindSmsBodySchema = z.strictObject({
  bindTicket: BindTicketSchema,
  employeeNo: EmployeeNoSchema,
  smsCode: z.string().regex(/^\d{6}$/, { message: '验证码为 6 位数字' }),
});

export const RefreshBodySchema = z.strictObject({ refreshToken: z.string().min(16).max(256) });
export const RefreshResultSchema = z.object({ tokens: TokenPairSchema });

export const OkSchema = z.object({ ok: z.literal(true) });

export const authRoutes = {
  wechatLogin: route({
    method: 'POST',
    path: '/api/auth/wechat-login',
    summary: 'Exchange a wx.login code; signs in a bound person or asks to bind',
    tag: 'auth',
    access: 'public',
    body: WechatLoginBodySchema,
    res: WechatLoginResultSchema,
    errors: [
      'AUTH_LOGIN_CODE_INVALID',
      'AUTH_LOGIN_CODE_USED',
      'AUTH_LOGIN_BLOCKED',
      'AUTH_PERSON_DISABLED',
      'UPSTREAM_UNAVAILABLE',
    ],
  }),
  bindPhone: route({
    method: 'POST',
    path: '/api/auth/bind-phone',
    summary: 'Bind the WeChat identity to the person whose phone WeChat confirms',
    tag: 'auth',
    access: 'public',
    body: BindPhoneBodySchema,
    res: SessionSchema,
    errors: [
      'AUTH_BIND_TICKET_INVALID',
      'AUTH_PHONE_CODE_INVALID',
      'AUTH_PERSON_NOT_FOUND',
      'AUTH_PERSON_DISABLED',
      'UPSTREAM_UNAVAILABLE',
    ],
  }),
  smsCode: route({
    method: 'POST',
    path: '/api/auth/sms-code',
    summary: 'Send a one-time code to the phone on file for an employee number',
    tag: 'auth',
    access: 'public',
    body: SmsCodeBodySchema,
    res: SmsCodeResultSchema,
    errors: [
      'AUTH_BIND_TICKET_INVALID',
      'AUTH_PERSON_NOT_FOUND',
      'AUTH_PERSON_DISABLED',
      'AUTH_SMS_COOLDOWN',
      'AUTH_SMS_SEND_FAILED',
    ],
  }),
  bindSms: route({
    method: 'POST',
    path: '/api/auth/bind-sms',
    summary: 'Bind the WeChat identity with employee number and SMS code',
    tag: 'auth',
    access: 'public',
    body: BindSmsBodySchema,
    res: SessionSchema,
    errors: [
      'AUTH_BIND_TICKET_INVALID',
      'AUTH_PERSON_NOT_FOUND',
      'AUTH_PERSON_DISABLED',
      'AUTH_SMS_CODE_INVALID',
      'AUTH_SMS_CODE_LOCKED',
    ],
  }),
  refresh: route({
    method: 'POST',
    path: '/api/auth/refresh',
    summary: 'Rotate the refresh token; a reused token revokes the whole session',
    tag: 'auth',
    access: 'public',
    body: RefreshBodySchema,
    res: RefreshResultSchema,
    errors: ['AUTH_REFRESH_INVALID', 'AUTH_PERSON_DISABLED'],
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke the current session (access and refresh tokens)',
    tag: 'auth',
    access: 'user',
    res: OkSchema,
    errors: [],
  }),
  me: route({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in person, department, roles and workbench apps',
    tag: 'auth',
    access: 'user',
    res: MeSchema,
    errors: [],
  }),
};
