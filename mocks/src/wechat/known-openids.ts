import { demoWechatAccounts } from '../demo/accounts.js';

/**
 * Openids WeChat would recognise as users of the app: the demo people bound to WeChat, plus every openid the
 * mock has issued or been told about since the last reset.
 */
export class KnownOpenids {
  private readonly demo = new Set(demoWechatAccounts().map((account) => account.openid));
  private seen = new Set<string>();

  add(openid: string): void {
    this.seen.add(openid);
  }

  has(openid: string): boolean {
    return this.demo.has(openid) || this.seen.has(openid);
  }

  reset(): void {
    this.seen.clear();
  }
}
