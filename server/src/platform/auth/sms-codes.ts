import { createHash, randomInt } from 'node:crypto';
import type { ErrorCode } from '@dayuan/shared';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config.js';
import { AppError } from '../http/app-error.js';
import type { SharedState } from '../kv/kv.js';
import { type SmsClient, SmsRequestError } from '../sms/sms.client.js';

export const SMS_CODE_TTL = 5 * 60;
export const SMS_COOLDOWN = 60;
const SMS_MAX_ATTEMPTS = 5;

export interface SmsCodeErrors {
  cooldown: ErrorCode;
  invalid: ErrorCode;
  locked: ErrorCode;
}

/**
 * Six-digit SMS codes for one subject (a person, a guest phone): 5 minutes, one send per 60 s, locked
 * after 5 wrong tries, consumed by the first right one. Only a hash of the code is kept.
 */
export class SmsCodes {
  private readonly logger = new Logger(SmsCodes.name);

  constructor(
    private readonly namespace: string,
    private readonly errors: SmsCodeErrors,
    private readonly state: SharedState,
    private readonly sms: SmsClient,
    private readonly config: AppConfig,
  ) {}

  async send(subject: string, phone: string): Promise<void> {
    const cooldownKey = `${this.namespace}:sms-cooldown:${subject}`;
    if (!(await this.state.kv.setIfAbsent(cooldownKey, '1', SMS_COOLDOWN))) {
      throw new AppError(this.errors.cooldown, [], SMS_COOLDOWN);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.state.kv.set(this.codeKey(subject), this.hash(subject, code), SMS_CODE_TTL);
    await this.state.kv.del(this.failKey(subject));
    try {
      const [result] = await this.sms.send({
        phones: [phone],
        templateId: this.config.SMS_TEMPLATES.login_code,
        params: [code, String(SMS_CODE_TTL / 60)],
        sessionContext: `${this.namespace}:${subject}`.slice(0, 500),
      });
      if (!result?.ok) {
        throw new AppError(
          result?.code.startsWith('LimitExceeded') ? this.errors.cooldown : 'AUTH_SMS_SEND_FAILED',
        );
      }
    } catch (err) {
      await this.state.kv.del(this.codeKey(subject));
      if (!(err instanceof AppError && err.code === this.errors.cooldown)) {
        await this.state.kv.del(cooldownKey);
      }
      if (err instanceof AppError) throw err;
      if (err instanceof SmsRequestError) {
        this.logger.error(`sms refused: ${err.message}`);
        throw new AppError('AUTH_SMS_SEND_FAILED');
      }
      throw err;
    }
  }

  /** Checks and consumes a code: of two concurrent uses of one code, one succeeds. */
  async consume(subject: string, code: string): Promise<void> {
    const stored = await this.state.kv.get(this.codeKey(subject));
    if (!stored) throw new AppError(this.errors.invalid);
    if (stored !== this.hash(subject, code)) {
      const { count } = await this.state.kv.hit(this.failKey(subject), SMS_CODE_TTL);
      if (count >= SMS_MAX_ATTEMPTS) {
        await this.state.kv.del(this.codeKey(subject));
        throw new AppError(this.errors.locked);
      }
      throw new AppError(this.errors.invalid);
    }
    if ((await this.state.kv.take(this.codeKey(subject))) === null) throw new AppError(this.errors.invalid);
  }

  private codeKey(subject: string) {
    return `${this.namespace}:sms-code:${subject}`;
  }

  private failKey(subject: string) {
    return `${this.namespace}:sms-fail:${subject}`;
  }

  private hash(subject: string, code: string) {
    return createHash('sha256').update(`${subject}:${code}`).digest('hex');
  }
}
