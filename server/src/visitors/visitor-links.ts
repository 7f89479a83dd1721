import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../platform/http/app-error.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { WechatClient } from '../platform/wechat/wechat.client.js';

export const PASS_PAGE = 'visitor/pages/pass/index';
export const REQUEST_PAGE = 'visitor/pages/request/index';
const LINK_DAYS = 30;

export const linkTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Links that reach visitors by SMS: a WeChat URL Link (opens the mini-program from any phone) or, for an
 * H5 deployment, a plain address of the H5 app.
 */
@Injectable()
export class VisitorLinks {
  private readonly logger = new Logger(VisitorLinks.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  newToken(): { token: string; hash: string } {
    const token = randomBytes(18).toString('base64url');
    return { token, hash: linkTokenHash(token) };
  }

  /** The page that opens a pass; with a token it also proves which invitation it is. */
  async passLink(token?: string): Promise<string> {
    return this.link(PASS_PAGE, token ? `t=${token}` : '');
  }

  h5Url(page: string, query: string): string | null {
    const base = this.config.PUBLIC_H5_URL?.replace(/\/$/, '');
    return base ? `${base}/#/${page}${query ? `?${query}` : ''}` : null;
  }

  private async link(page: string, query: string): Promise<string> {
    if (this.config.VISITOR_LINK === 'h5') return this.h5Url(page, query)!;
    try {
      return await this.wechat.generateUrlLink({ path: page, query, days: LINK_DAYS });
    } catch (err) {
      this.logger.error(`generate_urllink failed: ${(err as Error).message}`);
      // Nothing was written yet: the invitation can simply be sent again.
      throw new AppError('UPSTREAM_UNAVAILABLE');
    }
  }
}
