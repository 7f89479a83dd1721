import type { FastifyInstance } from 'fastify';
import { createMockServer } from '../kit/mock-server.js';
import { KnownOpenids } from './known-openids.js';
import { registerLogin } from './login.js';
import { resolveWechatOptions, type WechatMockOptions } from './options.js';
import { registerPhoneNumber } from './phone-number.js';
import { registerSubscribeControl } from './subscribe-control.js';
import { SubscribeLedger } from './subscribe-ledger.js';
import { registerSubscribeSend } from './subscribe-send.js';
import { registerTokenRoutes } from './token-routes.js';
import { TokenStore } from './token-store.js';
import { registerUrlLink } from './url-link.js';
import { sendWxError, setWechatErrorHandler } from './wire.js';
import { registerWxaCode } from './wxa-code.js';

export type { WechatMockOptions } from './options.js';
export type { SubscribeMessage } from './subscribe-ledger.js';

/** The WeChat server API (`api.weixin.qq.com`) for one mini-program, plus its `/__mock/*` control plane. */
export function createWechatMock(opts: WechatMockOptions = {}): FastifyInstance {
  const options = resolveWechatOptions(opts);
  const mock = createMockServer({
    faultKinds: ['errcode'],
    renderFault: (reply, fault) => sendWxError(reply, fault.errcode),
    logger: opts.logger,
  });
  const tokens = new TokenStore(mock.clock, options.tokenTtlSeconds, options.tokenDailyLimit);
  const openids = new KnownOpenids();
  const ledger = new SubscribeLedger();
  mock.onReset(() => {
    tokens.reset();
    openids.reset();
    ledger.reset();
  });
  setWechatErrorHandler(mock.app);

  registerLogin(mock, options, openids);
  registerTokenRoutes(mock, options, tokens);
  registerPhoneNumber(mock, options, tokens);
  registerUrlLink(mock, options, tokens);
  registerWxaCode(mock, options, tokens);
  registerSubscribeSend(mock, options, { tokens, openids, ledger });
  registerSubscribeControl(mock, options, { openids, ledger });
  return mock.app;
}
