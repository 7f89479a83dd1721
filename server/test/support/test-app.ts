import { randomUUID } from 'node:crypto';
import { createSmsMock, createWechatMock, demoCompound, listenOnLoopback } from '@dayuan/mocks';
import {
  ErrorBodySchema,
  type ErrorBody,
  fillPath,
  type RouteDef,
  type RouteRes,
  type Session,
} from '@dayuan/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyInstance } from 'fastify';
import { AppModule } from '../../src/app.module.js';
import { createApp } from '../../src/app.js';
import { type AppConfig, loadConfig } from '../../src/platform/config/config.js';
import type { Db } from '../../src/platform/db/client.js';
import { DB_HANDLE } from '../../src/platform/db/db.module.js';
import { SHARED_STATE, type SharedState } from '../../src/platform/kv/kv.js';
import { createMemoryState } from '../../src/platform/kv/memory-state.js';
import { createRedisState } from '../../src/platform/kv/redis-state.js';
import { seedDemo } from '../../src/seed/demo-seed.js';
import { freshDb, sharedDb } from './test-db.js';

export type CallResult<R extends RouteDef> =
  | { ok: true; status: 200; body: RouteRes<R>; headers: Record<string, unknown> }
  | { ok: false; status: number; body: ErrorBody; headers: Record<string, unknown> };

/** The parsed 200 body, or a thrown error showing the error body. */
export function okBody<R extends RouteDef>(res: CallResult<R>): RouteRes<R> {
  if (!res.ok) throw new Error(`expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: Db;
  state: SharedState;
  wechat: { url: string; server: FastifyInstance };
  sms: { url: string; server: FastifyInstance };
  /** Calls a contract route; a 200 body is parsed with the route's response schema, an error with ErrorBody. */
  call<R extends RouteDef>(route: R, input?: CallInput): Promise<CallResult<R>>;
  /** Signs in a demo person through the real WeChat login path (mock code → code2Session). */
  loginAs(employeeNo: string): Promise<Session>;
  /** Asks the WeChat mock, playing the phone, for a fresh wx.login code. */
  loginCode(openid?: string): Promise<{ code: string; openid: string }>;
  /** Listens on a free loopback port (for WebSocket clients); returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export async function mockPost<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface TestAppOptions {
  seed?: boolean;
  /** Share another app's mocks and database: a second instance of the same deployment. */
  sameDeploymentAs?: TestApp;
}

/** A full app on this worker's database (emptied, then seeded with the demo compound) and its own mocks. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const peer = options.sameDeploymentAs;
  const wechatServer = peer?.wechat.server ?? createWechatMock();
  const smsServer = peer?.sms.server ?? createSmsMock();
  const [wechatUrl, smsUrl] = peer
    ? [peer.wechat.url, peer.sms.url]
    : await Promise.all([listenOnLoopback(wechatServer, 0), listenOnLoopback(smsServer, 0)]);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Tests set x-forwarded-for to act as different client addresses.
    TRUST_PROXY: 'true',
    // Each app its own Redis namespace (keys, channels, queues): test files run side by side on one Redis.
    REDIS_PREFIX: peer?.config.REDIS_PREFIX ?? `test-${randomUUID()}:`,
    NOTIFY_POLL_MS: '50',
    NOTIFY_RETRY_BASE_MS: '20',
    WECHAT_API_BASE: wechatUrl,
    SMS_API_BASE: smsUrl,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    ...env,
  });
  const handle = peer ? await sharedDb() : await freshDb();
  if (!peer && (options.seed ?? true)) await seedDemo(handle.db, config.DATA_KEY);
  const state = config.REDIS_URL
    ? await createRedisState(config.REDIS_URL, config.REDIS_PREFIX)
    : createMemoryState();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
    .overrideProvider(DB_HANDLE)
    .useValue(handle)
    .overrideProvider(SHARED_STATE)
    .useValue(state)
    .compile();
  const app = await createApp(config, moduleRef);

  const call = async <R extends RouteDef>(route: R, input: CallInput = {}): Promise<CallResult<R>> => {
    const res = await app.inject({
      method: route.method,
      url: fillPath(route.path, input.params),
      query: input.query as Record<string, string> | undefined,
      payload: input.body as object | undefined,
      headers: {
        ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
        'x-dayuan-client': 'weapp',
        ...input.headers,
      },
    });
    const json = res.json();
    if (res.statusCode === 200) {
      return { ok: true, status: 200, body: route.res.parse(json) as RouteRes<R>, headers: res.headers };
    }
    return { ok: false, status: res.statusCode, body: ErrorBodySchema.parse(json), headers: res.headers };
  };

  const loginCode = (openid?: string) =>
    mockPost<{ code: string; openid: string }>(wechatUrl, '/__mock/wx/login', { openid });

  return {
    app,
    config,
    db: handle.db,
    state,
    wechat: { url: wechatUrl, server: wechatServer },
    sms: { url: smsUrl, server: smsServer },
    call,
    loginCode,
    async loginAs(employeeNo) {
      const person = demoCompound.people.find((p) => p.employeeNo === employeeNo);
      if (!person?.openid) throw new Error(`${employeeNo} is not a bound demo person`);
      const { code } = await loginCode(person.openid);
      const { authRoutes } = await import('@dayuan/shared');
      const body = okBody(await call(authRoutes.wechatLogin, { body: { code } }));
      if (body.status !== 'ok') throw new Error(`login needs binding: ${JSON.stringify(body)}`);
      return body.session;
    },
    async listen() {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    async close() {
      await app.close();
      if (!peer) await Promise.all([wechatServer.close(), smsServer.close()]);
    },
  };
}
