import { createHash, randomBytes } from 'node:crypto';
import { demoWechatAccounts } from '../demo/accounts.js';
import { parseJsonObject, queryParam } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import { BASE64URL, randomString } from '../kit/random.js';
import type { KnownOpenids } from './known-openids.js';
import { checkAppCredentials, type ResolvedWechatOptions } from './options.js';
import { sendWx, sendWxError } from './wire.js';

interface LoginCode {
  openid: string;
  unionid?: string;
  issuedAt: number;
  used: boolean;
}

const LOGIN_CODE_LENGTH = 32;

/** `wx.login` on the phone (control plane) and `code2Session` on the server side. */
export function registerLogin(
  { app, clock, onReset }: MockServer,
  options: ResolvedWechatOptions,
  openids: KnownOpenids,
): void {
  const codes = new Map<string, LoginCode>();
  const callsThisMinute = new Map<string, { minute: number; count: number }>();
  const blocked = new Set(options.blockedOpenids);
  onReset(() => {
    codes.clear();
    callsThisMinute.clear();
  });

  function countCall(openid: string): number {
    const minute = Math.floor(clock.now() / 60_000);
    const entry = callsThisMinute.get(openid);
    const count = entry?.minute === minute ? entry.count + 1 : 1;
    callsThisMinute.set(openid, { minute, count });
    return count;
  }

  function findCode(jsCode: string): LoginCode | undefined {
    const known = codes.get(jsCode);
    if (known || !options.lenient || jsCode.length !== LOGIN_CODE_LENGTH) return known;
    const derived: LoginCode = { openid: lenientOpenid(jsCode), issuedAt: clock.now(), used: false };
    codes.set(jsCode, derived);
    return derived;
  }

  app.get('/sns/jscode2session', async (request, reply) => {
    const param = (name: string) => queryParam(request.query, name);
    const credentialError = checkAppCredentials(options, param('appid'), param('secret'));
    if (credentialError) return sendWxError(reply, credentialError);
    if (param('grant_type') !== 'authorization_code') return sendWxError(reply, 40002);
    const jsCode = param('js_code');
    if (!jsCode) return sendWxError(reply, 41008);

    const code = findCode(jsCode);
    if (!code || clock.now() - code.issuedAt > options.codeTtlSeconds * 1000) {
      return sendWxError(reply, 40029);
    }
    if (code.used) return sendWxError(reply, 40163);
    if (blocked.has(code.openid)) return sendWxError(reply, 40226);
    if (countCall(code.openid) > options.code2SessionPerMinute) return sendWxError(reply, 45011);
    code.used = true;
    openids.add(code.openid);
    return sendWx(reply, {
      session_key: randomBytes(16).toString('base64'),
      openid: code.openid,
      ...(code.unionid === undefined ? {} : { unionid: code.unionid }),
    });
  });

  app.post('/__mock/wx/login', async (request, reply) => {
    const body = parseJsonObject(request.body);
    const input = typeof body === 'object' ? body : {};
    const { openid = newOpenid(), unionid } = input;
    if (typeof openid !== 'string' || openid.length === 0) {
      return reply.code(400).send({ error: 'invalid openid' });
    }
    if (unionid !== undefined && typeof unionid !== 'string') {
      return reply.code(400).send({ error: 'invalid unionid' });
    }
    const code = randomString(LOGIN_CODE_LENGTH);
    codes.set(code, { openid, unionid, issuedAt: clock.now(), used: false });
    openids.add(openid);
    return { code, openid };
  });

  app.get('/__mock/wx/accounts', async () => demoWechatAccounts());
}

function newOpenid(): string {
  return `o${randomString(27, BASE64URL)}`;
}

function lenientOpenid(code: string): string {
  return `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`;
}
