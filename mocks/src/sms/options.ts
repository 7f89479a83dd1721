import { smsFixtures, type SmsTemplate } from '../config.js';
import { toE164 } from './phone-numbers.js';

export interface SmsMockOptions {
  secretId?: string;
  secretKey?: string;
  sdkAppId?: string;
  /** Approved signatures. */
  signNames?: string[];
  /** Approved templates. */
  templates?: SmsTemplate[];
  /** Messages per number in any rolling hour. */
  hourlyLimit?: number;
  /** Messages per number per natural day (China Standard Time). */
  dailyLimit?: number;
  /** Numbers that always get `FailedOperation.PhoneNumberInBlacklist`. */
  blacklist?: string[];
  logger?: boolean;
}

export type ResolvedSmsOptions = Required<Omit<SmsMockOptions, 'logger'>>;

export function resolveSmsOptions(options: SmsMockOptions): ResolvedSmsOptions {
  return {
    secretId: options.secretId ?? smsFixtures.secretId,
    secretKey: options.secretKey ?? smsFixtures.secretKey,
    sdkAppId: options.sdkAppId ?? smsFixtures.sdkAppId,
    signNames: options.signNames ?? smsFixtures.signNames,
    templates: options.templates ?? smsFixtures.templates,
    hourlyLimit: options.hourlyLimit ?? 5,
    dailyLimit: options.dailyLimit ?? 10,
    blacklist: (options.blacklist ?? []).map((phone) => toE164(phone) ?? phone),
  };
}
