import { asString, parseJsonObject } from '../kit/body.js';
import type { MockServer } from '../kit/mock-server.js';
import { randomHex } from '../kit/random.js';
import { readWxApiCall } from './api-request.js';
import type { ResolvedWechatOptions } from './options.js';
import type { TokenStore } from './token-store.js';
import { rejectGet, sendWxError, sendWxOk } from './wire.js';

interface PhoneCode {
  purePhoneNumber: string;
  countryCode: string;
  openid?: string;
  issuedAt: number;
  used: boolean;
}

const CN_MOBILE = /^1[3-9]\d{9}$/;
const FOREIGN_NUMBER = /^\d{4,15}$/;

/** The `getPhoneNumber` button on the phone (control plane) and `getuserphonenumber` on the server side. */
export function registerPhoneNumber(
  { app, clock, onReset }: MockServer,
  options: ResolvedWechatOptions,
  tokens: TokenStore,
): void {
  const codes = new Map<string, PhoneCode>();
  onReset(() => codes.clear());

  app.post('/wxa/business/getuserphonenumber', async (request, reply) => {
    const body = readWxApiCall(request, tokens);
    if (typeof body === 'number') return sendWxError(reply, body);
    const value = asString(body.code);
    if (!value) return sendWxError(reply, 41008);
    const code = codes.get(value);
    const openid = asString(body.openid);
    if (
      !code ||
      code.used ||
      clock.now() - code.issuedAt > options.codeTtlSeconds * 1000 ||
      (openid !== undefined && code.openid !== undefined && openid !== code.openid)
    ) {
      return sendWxError(reply, 40029);
    }
    code.used = true;
    const { purePhoneNumber, countryCode } = code;
    return sendWxOk(reply, {
      phone_info: {
        // WeChat leaves the country code out of `phoneNumber` for mainland numbers.
        phoneNumber: countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`,
        purePhoneNumber,
        countryCode,
        watermark: { timestamp: clock.nowSeconds(), appid: options.appid },
      },
    });
  });
  rejectGet(app, '/wxa/business/getuserphonenumber');

  app.post('/__mock/wx/phone-code', async (request, reply) => {
    const body = parseJsonObject(request.body);
    if (typeof body !== 'object') return reply.code(400).send({ error: 'body must be a JSON object' });
    const countryCode = body.countryCode ?? '86';
    const openid = body.openid;
    if (typeof countryCode !== 'string' || !/^\d{1,4}$/.test(countryCode)) {
      return reply.code(400).send({ error: 'countryCode must be digits, e.g. "86"' });
    }
    if (openid !== undefined && typeof openid !== 'string') {
      return reply.code(400).send({ error: 'invalid openid' });
    }
    const purePhoneNumber = purePhone(body.phoneNumber, countryCode);
    if (!purePhoneNumber) return reply.code(400).send({ error: 'invalid phoneNumber' });
    const code = randomHex(32);
    codes.set(code, { purePhoneNumber, countryCode, openid, issuedAt: clock.now(), used: false });
    return { code };
  });
}

/** `13800000000`, `+8613800000000` or `86 138-0000-0000` → `13800000000`; null when invalid. */
function purePhone(input: unknown, countryCode: string): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(/[\s-]/g, '');
  const pure = digits.startsWith(`+${countryCode}`)
    ? digits.slice(countryCode.length + 1)
    : countryCode === '86' && /^86\d{11}$/.test(digits)
      ? digits.slice(2)
      : digits;
  return (countryCode === '86' ? CN_MOBILE : FOREIGN_NUMBER).test(pure) ? pure : null;
}
