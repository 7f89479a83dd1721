import { describe, expect, it } from 'vitest';
import { smsFixtures } from '../src/config.js';
import { createSmsMock, type SmsMockOptions } from '../src/sms/index.js';
import { advanceClock, json, postJson, start } from './helpers.js';
import { tc3Authorization } from './tc3-signer.js';

const LOGIN_TEMPLATE = '1000001';

interface SendOptions {
  timestamp?: number;
  secretKey?: string;
  secretId?: string;
  service?: string;
}

async function sendSms(base: string, body: object, options: SendOptions = {}) {
  const payload = JSON.stringify({ SmsSdkAppId: smsFixtures.sdkAppId, SignName: '数字大院', ...body });
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const authorization = tc3Authorization({
    secretId: options.secretId ?? smsFixtures.secretId,
    secretKey: options.secretKey ?? smsFixtures.secretKey,
    // The SDK signs the host without the port, and the mock must verify it that way.
    host: '127.0.0.1',
    service: options.service ?? 'sms',
    payload,
    timestamp,
  });
  const response = await fetch(base, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
      'x-tc-timestamp': String(timestamp),
      authorization,
    },
    body: payload,
  });
  expect(response.status).toBe(200);
  return (await json(response)).Response;
}

const loginCode = (phones: string[], code = '123456') => ({
  PhoneNumberSet: phones,
  TemplateId: LOGIN_TEMPLATE,
  TemplateParamSet: [code, '5'],
  SessionContext: 'login',
});

async function startSms(options?: SmsMockOptions): Promise<string> {
  return start(createSmsMock(options));
}

describe('Tencent Cloud SendSms', () => {
  it('sends a correctly signed request and puts the rendered text in the outbox', async () => {
    const base = await startSms();
    const response = await sendSms(base, loginCode(['+8613900000001']));
    expect(response).toEqual({
      SendStatusSet: [
        {
          SerialNo: expect.stringMatching(/^\d+:\d+$/),
          PhoneNumber: '+8613900000001',
          Fee: 1,
          SessionContext: 'login',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        },
      ],
      RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });

    const outbox = await json(fetch(`${base}/__mock/sms/outbox?phone=13900000001`));
    expect(outbox).toEqual([
      {
        phone: '+8613900000001',
        text: '【数字大院】您的验证码为123456，5分钟内有效。如非本人操作，请忽略本短信。',
        templateId: LOGIN_TEMPLATE,
        params: ['123456', '5'],
        sessionContext: 'login',
        at: expect.any(String),
      },
    ]);
    expect(await json(fetch(`${base}/__mock/sms/outbox?phone=13900000002`))).toEqual([]);
  });

  it('renders the announcement template and keeps the SessionContext in the outbox', async () => {
    const base = await startSms();
    const body = {
      PhoneNumberSet: ['13900000003'],
      TemplateId: '1000004',
      TemplateParamSet: ['办公厅', '关于国庆假期安排的通知'],
      SessionContext: 'notification:42',
    };
    expect((await sendSms(base, body)).SendStatusSet[0]).toMatchObject({
      Code: 'Ok',
      SessionContext: 'notification:42',
    });
    expect(await json(fetch(`${base}/__mock/sms/outbox?phone=13900000003`))).toEqual([
      expect.objectContaining({
        text: '【数字大院】办公厅发布了通知《关于国庆假期安排的通知》，请打开数字大院小程序查看。',
        templateId: '1000004',
        sessionContext: 'notification:42',
      }),
    ]);
  });

  it('accepts any service in the credential scope, as the SDK derives it from the endpoint', async () => {
    const base = await startSms();
    const response = await sendSms(base, loginCode(['13900000001']), { service: '127' });
    expect(response.SendStatusSet[0].Code).toBe('Ok');
  });

  it('answers request-level AuthFailure errors with HTTP 200', async () => {
    const base = await startSms();
    const body = loginCode(['13900000001']);
    expect((await sendSms(base, body, { secretKey: 'wrong' })).Error.Code).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect((await sendSms(base, body, { secretId: 'AKIDunknown' })).Error.Code).toBe(
      'AuthFailure.SecretIdNotFound',
    );
    const skewed = Math.floor(Date.now() / 1000) - 301;
    const expired = await sendSms(base, body, { timestamp: skewed });
    expect(expired).toEqual({
      Error: { Code: 'AuthFailure.SignatureExpire', Message: expect.any(String) },
      RequestId: expect.any(String),
    });
    expect(await json(fetch(`${base}/__mock/sms/outbox`))).toEqual([]);
  });

  it('treats a timestamp as expired once the mock clock moves on', async () => {
    const base = await startSms();
    await advanceClock(base, 600);
    expect((await sendSms(base, loginCode(['13900000001']))).Error.Code).toBe('AuthFailure.SignatureExpire');
  });

  it('checks the template parameter count, template, signature and SdkAppId', async () => {
    const base = await startSms();
    const error = async (body: object) => (await sendSms(base, body)).Error?.Code;
    expect(await error({ ...loginCode(['13900000001']), TemplateParamSet: ['123456'] })).toBe(
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    );
    expect(await error({ ...loginCode(['13900000001']), TemplateId: '999' })).toBe(
      'FailedOperation.TemplateIncorrectOrUnapproved',
    );
    expect(await error({ ...loginCode(['13900000001']), SignName: '某某物业' })).toBe(
      'FailedOperation.SignatureIncorrectOrUnapproved',
    );
    expect(await error({ ...loginCode(['13900000001']), SmsSdkAppId: '1400999999' })).toBe(
      'InvalidParameterValue.SdkAppIdNotExist',
    );
    expect(await error({ ...loginCode([]) })).toBe('MissingParameter.EmptyPhoneNumberSet');
    const tooMany = Array.from({ length: 201 }, (_, i) => `139${String(i).padStart(8, '0')}`);
    expect(await error(loginCode(tooMany))).toBe('LimitExceeded.PhoneNumberCountLimit');
  });

  it('reports the 30-second limit per number in SendStatusSet', async () => {
    const base = await startSms();
    await sendSms(base, loginCode(['13900000001']));
    const again = await sendSms(base, loginCode(['13900000001', '8613900000002', 'not-a-phone']));
    expect(
      again.SendStatusSet.map((status: { PhoneNumber: string; Code: string }) => [
        status.PhoneNumber,
        status.Code,
      ]),
    ).toEqual([
      ['+8613900000001', 'LimitExceeded.PhoneNumberThirtySecondLimit'],
      ['+8613900000002', 'Ok'],
      ['not-a-phone', 'InvalidParameterValue.IncorrectPhoneNumber'],
    ]);
    const other = await sendSms(base, loginCode(['13900000001'], '654321'));
    expect(other.SendStatusSet[0].Code).toBe('Ok');
    const offset = await advanceClock(base, 31);
    const timestamp = Math.floor(Date.now() / 1000 + offset);
    expect((await sendSms(base, loginCode(['13900000001']), { timestamp })).SendStatusSet[0].Code).toBe('Ok');
  });

  it('applies the hourly and daily limits', async () => {
    const base = await startSms({ hourlyLimit: 2, dailyLimit: 3 });
    let offset = 0;
    // The signer's clock moves with the mock's, or every request would be SignatureExpire.
    const send = async (code: string) => {
      const timestamp = Math.floor(Date.now() / 1000 + offset);
      return (await sendSms(base, loginCode(['13900000001'], code), { timestamp })).SendStatusSet[0].Code;
    };
    offset = await advanceClock(base, secondsUntilNextBeijingDay() + 60);
    expect(await send('1')).toBe('Ok');
    expect(await send('2')).toBe('Ok');
    expect(await send('3')).toBe('LimitExceeded.PhoneNumberOneHourLimit');
    offset = await advanceClock(base, 3600);
    expect(await send('4')).toBe('Ok');
    expect(await send('5')).toBe('LimitExceeded.PhoneNumberDailyLimit');
  });

  it('fails blacklisted numbers with FailedOperation.PhoneNumberInBlacklist', async () => {
    const base = await startSms({ blacklist: ['13900000009'] });
    const response = await sendSms(base, loginCode(['+8613900000009', '13900000001']));
    expect(response.SendStatusSet.map((status: { Code: string }) => status.Code)).toEqual([
      'FailedOperation.PhoneNumberInBlacklist',
      'Ok',
    ]);
  });

  it('injects per-number and request-level faults', async () => {
    const base = await startSms();
    const fault = (smsCode: string) => postJson(`${base}/__mock/faults`, { path: '/', smsCode });
    await fault('LimitExceeded.PhoneNumberDailyLimit');
    await fault('RequestLimitExceeded');
    const perNumber = await sendSms(base, loginCode(['13900000001']));
    expect(perNumber.SendStatusSet[0]).toMatchObject({
      PhoneNumber: '+8613900000001',
      Code: 'LimitExceeded.PhoneNumberDailyLimit',
      SessionContext: 'login',
    });
    expect((await sendSms(base, loginCode(['13900000001']))).Error.Code).toBe('RequestLimitExceeded');
    expect((await sendSms(base, loginCode(['13900000001']))).SendStatusSet[0].Code).toBe('Ok');
  });

  it('delays the next call by an injected delayMs, then sends', async () => {
    const base = await startSms();
    await postJson(`${base}/__mock/faults`, { path: '/', delayMs: 200 });
    const startedAt = performance.now();
    expect((await sendSms(base, loginCode(['13900000001']))).SendStatusSet[0].Code).toBe('Ok');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(200);
  });
});

function secondsUntilNextBeijingDay(): number {
  const beijingNow = Date.now() / 1000 + 8 * 3600;
  return 86_400 - (beijingNow % 86_400);
}
