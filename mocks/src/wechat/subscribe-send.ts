import { randomInt } from 'node:crypto';
import type { SubscribeTemplate } from '../config.js';
import { isJsonObject } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import { readWxApiCall } from './api-request.js';
import type { KnownOpenids } from './known-openids.js';
import type { ResolvedWechatOptions } from './options.js';
import { isValidKeywordValue } from './subscribe-keywords.js';
import type { SubscribeLedger } from './subscribe-ledger.js';
import type { TokenStore } from './token-store.js';
import { rejectGet, sendWxError, sendWxOk } from './wire.js';

const SEND_PATH = '/cgi-bin/message/subscribe/send';
const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

export interface SubscribeState {
  tokens: TokenStore;
  openids: KnownOpenids;
  ledger: SubscribeLedger;
}

/** `subscribeMessage.send`: checks in WeChat's order, then spends one credit and files the message. */
export function registerSubscribeSend(
  { app, clock }: MockServer,
  options: ResolvedWechatOptions,
  { tokens, openids, ledger }: SubscribeState,
): void {
  app.post(SEND_PATH, async (request, reply) => {
    const body = readWxApiCall(request, tokens);
    if (typeof body === 'number') return sendWxError(reply, body);
    const {
      touser,
      template_id: templateId,
      page = '',
      miniprogram_state: state = 'formal',
      lang = 'zh_CN',
    } = body;
    if (typeof touser !== 'string' || !openids.has(touser)) return sendWxError(reply, 40003);
    const template = options.subscribeTemplates.find((candidate) => candidate.id === templateId);
    if (!template) return sendWxError(reply, 40037);
    if (typeof page !== 'string' || (page !== '' && !options.pages.includes(page.replace(/\?.*$/s, '')))) {
      return sendWxError(reply, 41030);
    }
    if (typeof state !== 'string' || !MINIPROGRAM_STATES.includes(state)) {
      return sendWxError(reply, 47003, 'argument invalid! miniprogram_state invalid');
    }
    if (typeof lang !== 'string' || !LANGS.includes(lang)) {
      return sendWxError(reply, 47003, 'argument invalid! lang invalid');
    }
    const data = readData(body.data, template);
    if ('invalidKey' in data) {
      return sendWxError(reply, 47003, `argument invalid! data.${data.invalidKey}.value invalid`);
    }
    if (!ledger.take(touser, template.id)) return sendWxError(reply, 43101);

    // Real msgids exceed 2^53; the mock keeps them safe integers so tests can compare them.
    const msgid = randomInt(2 ** 40, 2 ** 48);
    ledger.send({
      openid: touser,
      templateId: template.id,
      page: page === '' ? null : page,
      data: data.values,
      text: [template.title, ...template.keywords.map((key) => `${key}: ${data.values[key]}`)].join('\n'),
      at: new Date(clock.now()).toISOString(),
      msgid,
    });
    return sendWxOk(reply, { msgid });
  });
  rejectGet(app, SEND_PATH);
}

/** Every keyword of the template with a valid value and no other key, or the first key that fails. */
function readData(
  data: unknown,
  template: SubscribeTemplate,
): { values: Record<string, string> } | { invalidKey: string } {
  const entries = isJsonObject(data) ? data : {};
  const values: Record<string, string> = {};
  for (const key of template.keywords) {
    const entry = entries[key];
    const value = isJsonObject(entry) ? entry.value : undefined;
    if (!isValidKeywordValue(key, value)) return { invalidKey: key };
    values[key] = value;
  }
  const unknownKey = Object.keys(entries).find((key) => !template.keywords.includes(key));
  return unknownKey === undefined ? { values } : { invalidKey: unknownKey };
}
