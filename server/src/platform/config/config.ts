import { SmsTemplateKey, SubscribeTemplateKey, keywordType } from '@dayuan/shared';
import { z } from 'zod';

const isLoopback = (url: string) => /^https?:\/\/(127\.|localhost|\[::1\])/.test(url);
const optionalUrl = (protocols: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.test(v), { message: 'not a valid URL for this setting' });
const httpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//, { message: 'must be an http(s) URL' });

/** A JSON-valued variable, validated by `schema`. */
const json = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z
    .string()
    .default(JSON.stringify(fallback))
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const SubscribeTemplatesSchema = z.record(
  SubscribeTemplateKey,
  z.object({
    id: z.string().min(1).max(64),
    keywords: z
      .array(z.string().refine((k) => keywordType(k) !== null, { message: 'unknown keyword type' }))
      .min(1),
  }),
);
const SmsTemplatesSchema = z.record(SmsTemplateKey, z.string().regex(/^\d+$/));

// Development defaults point at mocks/ and at throwaway secrets; production must set its own.
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
const DEV_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
const DEV_ENTRY_CODE_KEY = Buffer.alloc(32, 9).toString('base64');

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: z.stringbool().default(false),
    DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//),
    PGLITE_DIR: z.string().default('./data/pglite'),
    PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: optionalUrl(/^rediss?:\/\//),
    /** Namespace of every Redis key, channel and queue (several deployments or test runs can share a Redis). */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w-]+:$/, { message: 'letters, digits, - or _, ending with a colon' })
      .default('dayuan:'),
    JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).default(DEV_JWT_SECRET),
    DATA_KEY: z
      .string()
      .default(DEV_DATA_KEY)
      .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64' }),
    /** Signs the rotating personal entry codes (32 bytes, base64). */
    ENTRY_CODE_KEY: z
      .string()
      .default(DEV_ENTRY_CODE_KEY)
      .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64' }),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(180).default(30),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    WECHAT_API_BASE: httpUrl.default('http://127.0.0.1:7101'),
    WECHAT_APPID: z.string().min(1).default('wx0123456789demo0'),
    WECHAT_SECRET: z.string().min(1).default('demo0secret0of0the0wechat0mock00'),
    SMS_API_BASE: httpUrl.default('http://127.0.0.1:7103'),
    SMS_SECRET_ID: z.string().min(1).default('AKIDmockDayuanSms0000000000000000000'),
    SMS_SECRET_KEY: z.string().min(1).default('mockDayuanSmsSecretKey0000000000'),
    SMS_SDK_APP_ID: z.string().min(1).default('1400000001'),
    SMS_SIGN_NAME: z.string().min(1).default('数字大院'),
    /** Our SMS template keys → approved Tencent template ids. */
    SMS_TEMPLATES: json(SmsTemplatesSchema, {
      login_code: '1000001',
      announcement: '1000004',
      visitor_invitation: '1000002',
      visitor_pass: '1000003',
      visitor_decision: '1000005',
      visitor_reminder: '1000006',
      meeting_guest_invitation: '1000007',
      meeting_guest_change: '1000008',
      meeting_guest_cancelled: '1000009',
    }),
    /** Our subscribe template keys → WeChat template ids and their keywords (the type is the key's prefix). */
    SUBSCRIBE_TEMPLATES: json(SubscribeTemplatesSchema, {
      account_change: {
        id: 'tmplAccountChange00000000000000000001',
        keywords: ['thing1', 'thing2', 'time3'],
      },
      announcement: { id: 'tmplAnnouncement000000000000000000001', keywords: ['thing1', 'thing2', 'time3'] },
      visitor_arrived: {
        id: 'tmplVisitorArrived0000000000000000001',
        keywords: ['thing1', 'thing2', 'time3'],
      },
      visit_request: { id: 'tmplVisitRequest000000000000000000001', keywords: ['thing1', 'thing2', 'time3'] },
    }),
    /** Non-urgent SMS wait outside these China Standard Time hours: `7-21` = 07:00 to 21:00. */
    SMS_SEND_HOURS: z
      .string()
      .regex(/^\d{1,2}-\d{1,2}$/, { message: 'must look like 7-21' })
      .default('7-21')
      .transform((v) => v.split('-').map(Number) as [number, number]),
    SMS_PER_NUMBER_HOURLY: z.coerce.number().int().min(1).default(5),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2000),
    /** How long a claimed delivery may stay in flight before it is presumed abandoned by a crashed worker. */
    NOTIFY_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
    NOTIFY_POLL_MS: z.coerce.number().int().min(20).default(500),
    /** Run the delivery worker in this process (turn off on API-only instances when workers scale separately). */
    NOTIFY_WORKER: z.stringbool().default(true),
    /** What the links in visitor SMS open: a WeChat URL Link (`urllink`) or the H5 app (`h5`). */
    VISITOR_LINK: z.enum(['urllink', 'h5']).default('urllink'),
    /** Public address of the H5 app, for `VISITOR_LINK=h5` (e.g. https://dayuan.example.gov.cn). */
    PUBLIC_H5_URL: httpUrl.optional(),
    VISITORS_REQUEST_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    VISITORS_CHECKOUT_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(120),
    VISITORS_REMINDER_MINUTES: z.coerce.number().int().min(10).max(1440).default(120),
    VISITORS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** How often the visitor sweeper runs (expiry, no-shows, check-outs, reminders, retention); 0 = never. */
    VISITORS_SWEEP_MS: z.coerce.number().int().min(0).default(60_000),
    /** A pending booking is released when undecided this long after it was made (at the latest, at its start). */
    MEETING_ROOMS_APPROVAL_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    /** Check-in opens this many minutes before the start. */
    MEETING_ROOMS_CHECK_IN_BEFORE_MINUTES: z.coerce.number().int().min(0).max(120).default(5),
    /** Check-in closes this many minutes after the start; a booking nobody checked in is then released. */
    MEETING_ROOMS_CHECK_IN_AFTER_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
    /** A series with this many released (no-show) occurrences is flagged. */
    MEETING_ROOMS_SERIES_FLAG_NO_SHOWS: z.coerce.number().int().min(1).max(100).default(2),
    /** A series with this many released (no-show) occurrences loses its future occurrences. */
    MEETING_ROOMS_SERIES_CANCEL_NO_SHOWS: z.coerce.number().int().min(1).max(100).default(3),
    /** A meeting guest's pass opens this many minutes before the meeting starts. */
    MEETING_ROOMS_GUEST_PASS_BEFORE_MINUTES: z.coerce.number().int().min(0).max(240).default(30),
    /** A meeting guest's pass closes this many minutes after the meeting ends. */
    MEETING_ROOMS_GUEST_PASS_AFTER_MINUTES: z.coerce.number().int().min(0).max(240).default(30),
    /** How often the meeting-room sweeper runs (approval deadlines, no-shows); 0 = never. */
    MEETING_ROOMS_SWEEP_MS: z.coerce.number().int().min(0).default(60_000),
    /** Folder of the H5 build to serve at `/` (npm start sets it). */
    H5_DIR: z.string().optional(),
    /** Allow loopback external services in production (a demo or a staging box with mocks). */
    ALLOW_MOCK_SERVICES: z.stringbool().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.VISITOR_LINK === 'h5' && !c.PUBLIC_H5_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_H5_URL'], message: 'is required when VISITOR_LINK=h5' });
    }
    if (c.NODE_ENV !== 'production') return;
    if (c.JWT_SECRET === DEV_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
    }
    if (c.DATA_KEY === DEV_DATA_KEY) {
      ctx.addIssue({ code: 'custom', path: ['DATA_KEY'], message: 'must be set in production' });
    }
    if (c.ENTRY_CODE_KEY === DEV_ENTRY_CODE_KEY) {
      ctx.addIssue({ code: 'custom', path: ['ENTRY_CODE_KEY'], message: 'must be set in production' });
    }
    if (!c.ALLOW_MOCK_SERVICES) {
      for (const key of ['WECHAT_API_BASE', 'SMS_API_BASE'] as const) {
        if (isLoopback(c[key])) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'points at a local mock; set ALLOW_MOCK_SERVICES=true if meant',
          });
        }
      }
    }
  });

export type AppConfig = z.infer<typeof ConfigSchema>;
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

/** Validates the environment; the message lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
