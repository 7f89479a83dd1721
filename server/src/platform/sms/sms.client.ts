import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { tc3Authorization } from './tc3.js';

export interface SmsResult {
  phone: string;
  /** `Ok` on success; otherwise Tencent's per-number code, e.g. `LimitExceeded.PhoneNumberThirtySecondLimit`. */
  code: string;
  ok: boolean;
}

/** The whole request was refused (signature, template, balance…) or the service was unreachable. */
export class SmsRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`sms ${code}: ${message}`);
  }
}

/** Tencent Cloud SMS `SendSms` (API 3.0, 2021-01-11). Base URL from config: the real endpoint or mocks/. */
@Injectable()
export class SmsClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(input: {
    phones: string[];
    templateId: string;
    params: string[];
    sessionContext?: string;
  }): Promise<SmsResult[]> {
    const payload = JSON.stringify({
      PhoneNumberSet: input.phones.map((p) => `+86${p}`),
      SmsSdkAppId: this.config.SMS_SDK_APP_ID,
      SignName: this.config.SMS_SIGN_NAME,
      TemplateId: input.templateId,
      TemplateParamSet: input.params,
      SessionContext: input.sessionContext ?? randomUUID(),
    });
    const url = new URL(this.config.SMS_API_BASE);
    const timestamp = Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-region': 'ap-guangzhou',
          'x-tc-timestamp': String(timestamp),
          authorization: tc3Authorization({
            secretId: this.config.SMS_SECRET_ID,
            secretKey: this.config.SMS_SECRET_KEY,
            host: url.hostname,
            service: 'sms',
            payload,
            timestamp,
          }),
        },
        body: payload,
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      throw new SmsRequestError('Unreachable', (err as Error).message);
    }
    if (res.status !== 200) throw new SmsRequestError('HttpError', `HTTP ${res.status}`);
    const body = (await res.json()) as {
      Response: {
        Error?: { Code: string; Message: string };
        SendStatusSet?: { PhoneNumber: string; Code: string }[];
      };
    };
    if (body.Response.Error) throw new SmsRequestError(body.Response.Error.Code, body.Response.Error.Message);
    return (body.Response.SendStatusSet ?? []).map((s) => ({
      phone: s.PhoneNumber.replace(/^\+86/, ''),
      code: s.Code,
      ok: s.Code === 'Ok',
    }));
  }
}
