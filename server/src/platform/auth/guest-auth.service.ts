import { randomUUID } from 'node:crypto';
import { type GuestSession, maskPhone } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import { AppError } from '../http/app-error.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { SmsClient } from '../sms/sms.client.js';
import { AccessTokens } from './access-token.js';
import { SMS_COOLDOWN, SmsCodes } from './sms-codes.js';

const GUEST_TOKEN_TTL = 7 * 24 * 3600;

/** A guest: someone without an account who proved control of a phone number by SMS. */
export interface Guest {
  phoneHash: string;
}

/**
 * Login-free access for visitors and meeting guests. The token says "holds this phone number" for 7 days;
 * it is signed with a key of its own, so it is never accepted where a staff session is required.
 */
@Injectable()
export class GuestAuthService {
  private readonly tokens: AccessTokens;
  private readonly codes: SmsCodes;
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SHARED_STATE) state: SharedState,
    sms: SmsClient,
  ) {
    this.tokens = new AccessTokens(`${config.JWT_SECRET}|guest`, GUEST_TOKEN_TTL);
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
    this.codes = new SmsCodes(
      'guest',
      { cooldown: 'GUEST_SMS_COOLDOWN', invalid: 'GUEST_SMS_CODE_INVALID', locked: 'GUEST_SMS_CODE_LOCKED' },
      state,
      sms,
      config,
    );
  }

  phoneHash(phone: string): string {
    return this.cipher.hash('phone', phone);
  }

  async sendCode(phone: string) {
    await this.codes.send(this.phoneHash(phone), phone);
    return { phoneMasked: maskPhone(phone), resendAfterSeconds: SMS_COOLDOWN };
  }

  async signIn(phone: string, code: string): Promise<GuestSession> {
    const phoneHash = this.phoneHash(phone);
    await this.codes.consume(phoneHash, code);
    const { token, expiresAt } = this.tokens.issue(phoneHash, randomUUID());
    return { token, expiresAt: expiresAt.toISOString(), phoneMasked: maskPhone(phone) };
  }

  authenticate(authorization: string | undefined): Guest {
    const match = /^Guest\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AppError('AUTH_REQUIRED');
    try {
      return { phoneHash: this.tokens.verify(match[1]!).personId };
    } catch {
      throw new AppError('GUEST_TOKEN_INVALID');
    }
  }
}
