import { wechatFixtures, type SubscribeTemplate } from '../config.js';

export const ENV_VERSIONS = ['release', 'trial', 'develop'];

export interface WechatMockOptions {
  appid?: string;
  secret?: string;
  /** Released pages, for `check_path` and URL Links; the first one is the home page. */
  pages?: string[];
  /** Lifetime of `wx.login` and phone codes. */
  codeTtlSeconds?: number;
  tokenTtlSeconds?: number;
  /** Accept any unseen 32-char login code (WeChat DevTools against the mock); still single use. */
  lenient?: boolean;
  /** Openids whose login WeChat intercepts as high-risk (40226). */
  blockedOpenids?: string[];
  code2SessionPerMinute?: number;
  /** Daily quota of `cgi-bin/token`. */
  tokenDailyLimit?: number;
  /** One-time subscribe-message templates of the app. */
  subscribeTemplates?: SubscribeTemplate[];
  logger?: boolean;
}

export type ResolvedWechatOptions = Required<Omit<WechatMockOptions, 'logger'>>;

export function resolveWechatOptions(options: WechatMockOptions): ResolvedWechatOptions {
  return {
    appid: options.appid ?? wechatFixtures.appid,
    secret: options.secret ?? wechatFixtures.secret,
    pages: options.pages ?? wechatFixtures.pages,
    codeTtlSeconds: options.codeTtlSeconds ?? 300,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    lenient: options.lenient ?? false,
    blockedOpenids: options.blockedOpenids ?? [],
    code2SessionPerMinute: options.code2SessionPerMinute ?? 100,
    tokenDailyLimit: options.tokenDailyLimit ?? 2000,
    subscribeTemplates: options.subscribeTemplates ?? wechatFixtures.subscribeTemplates,
  };
}

/** 0 when the app credentials are right, else the errcode WeChat answers. */
export function checkAppCredentials(
  options: ResolvedWechatOptions,
  appid: string | undefined,
  secret: string | undefined,
): number {
  if (!appid) return 41002;
  if (appid !== options.appid) return 40013;
  if (!secret) return 41004;
  if (secret !== options.secret) return 40125;
  return 0;
}
