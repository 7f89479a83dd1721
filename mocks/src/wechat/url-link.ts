import type { JsonObject } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import { randomString } from '../kit/random.js';
import { readWxApiCall } from './api-request.js';
import { ENV_VERSIONS, type ResolvedWechatOptions } from './options.js';
import type { TokenStore } from './token-store.js';
import { rejectGet, sendWxError, sendWxOk } from './wire.js';

interface UrlLink {
  path: string;
  query: string;
  envVersion: string;
  expiresAt: number;
}

const QUERY_CHARSET = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*$/;
const DAY_SECONDS = 86_400;
const MAX_DAYS = 30;

/** `generate_urllink` and `GET /__mock/urllink/:ticket`, which plays "the user clicks the link". */
export function registerUrlLink(
  { app, clock, onReset }: MockServer,
  options: ResolvedWechatOptions,
  tokens: TokenStore,
): void {
  const links = new Map<string, UrlLink>();
  onReset(() => links.clear());

  app.post('/wxa/generate_urllink', async (request, reply) => {
    const body = readWxApiCall(request, tokens);
    if (typeof body === 'number') return sendWxError(reply, body);
    const { path = '', query = '', env_version: envVersion = 'release' } = body;
    if (typeof path !== 'string' || (path !== '' && !options.pages.includes(path))) {
      return sendWxError(reply, 40165);
    }
    if (typeof query !== 'string' || query.length > 1024 || !QUERY_CHARSET.test(query)) {
      return sendWxError(reply, 40212);
    }
    if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) {
      return sendWxError(reply, 40097);
    }
    const expiry = linkExpiry(body, clock.nowSeconds());
    if ('errcode' in expiry) return sendWxError(reply, expiry.errcode);

    const ticket = randomString(10);
    links.set(ticket, {
      path: path || (options.pages[0] ?? ''),
      query,
      envVersion,
      expiresAt: expiry.at * 1000,
    });
    return sendWxOk(reply, { url_link: `https://wxaurl.cn/${ticket}` });
  });
  rejectGet(app, '/wxa/generate_urllink');

  app.get<{ Params: { ticket: string } }>('/__mock/urllink/:ticket', async (request, reply) => {
    const link = links.get(request.params.ticket);
    if (!link) return reply.code(404).send({ error: 'unknown url link' });
    const answer = {
      path: link.path,
      query: link.query,
      envVersion: link.envVersion,
      expiresAt: iso(link.expiresAt),
    };
    return clock.now() >= link.expiresAt
      ? reply.code(410).send({ error: 'url link expired', ...answer })
      : answer;
  });
}

/** Without an expiry the link lives the maximum: permanent links no longer exist. */
function linkExpiry(body: JsonObject, now: number): { at: number } | { errcode: number } {
  const { expire_type: type = 0, expire_time: time, expire_interval: interval } = body;
  const tooLong = { errcode: 85401 };
  if (type === 1) {
    return isInteger(interval) && interval >= 1 && interval <= MAX_DAYS
      ? { at: now + interval * DAY_SECONDS }
      : tooLong;
  }
  if (type !== 0) return { errcode: 40097 };
  if (time === undefined) return { at: now + MAX_DAYS * DAY_SECONDS };
  // A millisecond timestamp lands here too, as it does on WeChat.
  return isInteger(time) && time - now >= 60 && time - now <= MAX_DAYS * DAY_SECONDS ? { at: time } : tooLong;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
