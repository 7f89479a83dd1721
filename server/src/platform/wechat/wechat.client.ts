import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** A WeChat API error: `errcode` as WeChat sent it (HTTP status is always 200). */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`wechat errcode ${errcode}: ${errmsg}`);
  }
}

/** Transport failure (timeout, connection refused, non-200): WeChat could not be asked. */
export class WechatUnavailableError extends Error {}

export interface Code2Session {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

interface WechatBody {
  errcode?: number;
  errmsg?: string;
}

const TOKEN_ERRORS = new Set([40001, 42001]);
const TRANSIENT = new Set([-1]);
const TIMEOUT_MS = 5000;
/** Refresh the access token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

/** The server-side WeChat mini-program API. Base URL from config: the real host or mocks/. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private token?: { value: string; refreshAt: number };
  private inflightToken?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `wx.login` code → openid and session key (the session key never leaves the server). */
  async code2Session(code: string): Promise<Code2Session> {
    const query = new URLSearchParams({
      appid: this.config.WECHAT_APPID,
      secret: this.config.WECHAT_SECRET,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const body = await this.withTransientRetry(() =>
      this.request<{ openid: string; session_key: string; unionid?: string }>(`/sns/jscode2session?${query}`),
    );
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  }

  /** Phone-number button code → the mainland number WeChat verified (without country code). */
  async getPhoneNumber(phoneCode: string, openid?: string): Promise<{ phone: string; countryCode: string }> {
    const body = await this.withToken((token) =>
      this.request<{ phone_info: { purePhoneNumber: string; countryCode: string | number } }>(
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { code: phoneCode, ...(openid ? { openid } : {}) },
      ),
    );
    return { phone: body.phone_info.purePhoneNumber, countryCode: String(body.phone_info.countryCode) };
  }

  /** One subscribe message (`cgi-bin/message/subscribe/send`); the caller holds the user's one-time credit. */
  async sendSubscribeMessage(input: {
    openid: string;
    templateId: string;
    page: string;
    data: Record<string, string>;
  }): Promise<void> {
    await this.withToken((token) =>
      this.request(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        touser: input.openid,
        template_id: input.templateId,
        // Pages are configured with a leading slash; WeChat wants none.
        page: input.page.replace(/^\//, ''),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(input.data).map(([key, value]) => [key, { value }])),
      }),
    );
  }

  /**
   * A `https://wxaurl.cn/…` URL Link that opens a page of the mini-program from SMS or a browser
   * (`wxa/generate_urllink`), valid `days` days (WeChat allows 1–30).
   */
  async generateUrlLink(input: { path: string; query: string; days: number }): Promise<string> {
    const body = await this.withToken((token) =>
      this.request<{ url_link: string }>(`/wxa/generate_urllink?access_token=${encodeURIComponent(token)}`, {
        path: input.path.replace(/^\//, ''),
        query: input.query,
        expire_type: 1,
        expire_interval: Math.min(30, Math.max(1, input.days)),
        env_version: 'release',
      }),
    );
    return body.url_link;
  }

  /**
   * A mini-program code (`wxa/getwxacodeunlimit`, unlimited in number) that opens `page` with `scene`
   * (≤ 32 visible characters): the PNG bytes. `check_path` is off: a page may be printed on a door before
   * the release that contains it is published.
   */
  async getUnlimitedWxaCode(input: { scene: string; page: string; width?: number }): Promise<Buffer> {
    return this.withToken((token) =>
      this.requestImage(`/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        scene: input.scene,
        page: input.page.replace(/^\//, ''),
        check_path: false,
        env_version: 'release',
        width: input.width ?? 430,
      }),
    );
  }

  private async accessToken(force = false): Promise<string> {
    if (!force && this.token && Date.now() < this.token.refreshAt) return this.token.value;
    // Single flight: concurrent callers share one upstream request.
    this.inflightToken ??= this.request<{ access_token: string; expires_in: number }>(
      '/cgi-bin/stable_token',
      {
        grant_type: 'client_credential',
        appid: this.config.WECHAT_APPID,
        secret: this.config.WECHAT_SECRET,
        force_refresh: force,
      },
    )
      .then((body) => {
        this.token = {
          value: body.access_token,
          refreshAt: Date.now() + Math.max(body.expires_in * 1000 - TOKEN_MARGIN_MS, 30_000),
        };
        return body.access_token;
      })
      .finally(() => {
        this.inflightToken = undefined;
      });
    return this.inflightToken;
  }

  /** Runs a token-authenticated call; on 40001/42001 refreshes the token once and retries once. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.accessToken());
    } catch (err) {
      if (!(err instanceof WechatError && TOKEN_ERRORS.has(err.errcode))) throw err;
      this.logger.warn(`access token rejected (${err.errcode}); refreshing once`);
      return call(await this.accessToken(true));
    }
  }

  private async withTransientRetry<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const transient = err instanceof WechatError && TRANSIENT.has(err.errcode);
        if (!transient || attempt >= attempts) throw err;
        await new Promise((r) => setTimeout(r, 100 * 2 ** (attempt - 1)));
      }
    }
  }

  private async request<T>(pathAndQuery: string, json?: unknown): Promise<T & WechatBody> {
    const res = await this.send(pathAndQuery, json);
    const body = (await res.json().catch(() => {
      throw new WechatUnavailableError('wechat answered a body that is not JSON');
    })) as T & WechatBody;
    // Success bodies carry no errcode, or errcode 0.
    if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '');
    return body;
  }

  /** A call answered with an image on success and with JSON `{errcode, errmsg}` on failure. */
  private async requestImage(pathAndQuery: string, json: unknown): Promise<Buffer> {
    const res = await this.send(pathAndQuery, json);
    const bytes = Buffer.from(await res.arrayBuffer());
    // WeChat's error bodies are JSON whatever content type they are labelled with; no image starts with `{`.
    if (bytes[0] !== 0x7b) return bytes;
    let body: WechatBody;
    try {
      body = JSON.parse(bytes.toString('utf8')) as WechatBody;
    } catch {
      throw new WechatUnavailableError('wechat answered a body that is not JSON');
    }
    throw new WechatError(body.errcode ?? -1, body.errmsg ?? 'no image');
  }

  private async send(pathAndQuery: string, json?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.config.WECHAT_API_BASE + pathAndQuery, {
        method: json === undefined ? 'GET' : 'POST',
        headers: json === undefined ? undefined : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new WechatUnavailableError(`wechat unreachable: ${(err as Error).message}`);
    }
    if (res.status !== 200) throw new WechatUnavailableError(`wechat answered HTTP ${res.status}`);
    return res;
  }
}
