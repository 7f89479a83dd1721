import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { listenOnLoopback } from '../src/kit/mock-server.js';
import { wechatFixtures } from '../src/config.js';

const running: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** Starts a mock on a free loopback port for the current test; it is closed after the test. */
export async function start(app: FastifyInstance): Promise<string> {
  running.push(app);
  return listenOnLoopback(app, 0);
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

// Tests read loosely typed JSON answers on purpose: they assert the wire shape field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function json(response: Response | Promise<Response>): Promise<Json> {
  return (await response).json();
}

export async function wxLogin(base: string, openid?: string): Promise<{ code: string; openid: string }> {
  return json(postJson(`${base}/__mock/wx/login`, openid === undefined ? {} : { openid }));
}

export function code2SessionUrl(base: string, code: string): string {
  const query = new URLSearchParams({
    appid: wechatFixtures.appid,
    secret: wechatFixtures.secret,
    js_code: code,
    grant_type: 'authorization_code',
  });
  return `${base}/sns/jscode2session?${query}`;
}

export async function stableToken(base: string, forceRefresh = false): Promise<Json> {
  return json(
    postJson(`${base}/cgi-bin/stable_token`, {
      grant_type: 'client_credential',
      appid: wechatFixtures.appid,
      secret: wechatFixtures.secret,
      force_refresh: forceRefresh,
    }),
  );
}

/** Moves the mock clock and returns its offset from real time, in seconds. */
export async function advanceClock(base: string, advanceSeconds: number): Promise<number> {
  const response = await postJson(`${base}/__mock/clock`, { advanceSeconds });
  if (!response.ok) throw new Error(`clock: ${response.status}`);
  return (await json(response)).offsetSeconds;
}
