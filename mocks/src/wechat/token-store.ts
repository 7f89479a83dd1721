import { beijingDay, type MockClock } from '../kit/clock.js';
import { randomString } from '../kit/random.js';

interface AccessToken {
  value: string;
  expiresAt: number;
  /** Set when a newer token replaced this one; after it the token answers 40001. */
  revokedAt?: number;
}

export interface IssuedToken {
  access_token: string;
  expires_in: number;
}

const OVERLAP_MS = 300_000;
const FORCE_DAILY_LIMIT = 20;
const FORCE_SPACING_MS = 30_000;

class DailyCounter {
  private day = '';
  private count = 0;

  /** Counts one more call today and returns today's total. */
  increment(now: number): number {
    const day = beijingDay(now);
    if (day !== this.day) {
      this.day = day;
      this.count = 0;
    }
    return ++this.count;
  }

  peek(now: number): number {
    return beijingDay(now) === this.day ? this.count : 0;
  }
}

/**
 * The two isolated token families of an app: `cgi-bin/token` ("classic") and `cgi-bin/stable_token`.
 * Every access_token API validates against both.
 */
export class TokenStore {
  private tokens = new Map<string, AccessToken>();
  private classic?: AccessToken;
  private stable?: AccessToken;
  private classicCalls = new DailyCounter();
  private forcedRefreshes = new DailyCounter();
  private lastForcedAt = -Infinity;

  constructor(
    private readonly clock: MockClock,
    private readonly ttlSeconds: number,
    private readonly classicDailyLimit: number,
  ) {}

  /** Each call mints a new token; the previous one keeps working for 5 more minutes. */
  issueClassic(): IssuedToken | 45009 {
    const now = this.clock.now();
    if (this.classicCalls.increment(now) > this.classicDailyLimit) return 45009;
    if (this.classic) this.revoke(this.classic, Math.min(this.classic.expiresAt, now + OVERLAP_MS));
    this.classic = this.mint(now);
    return this.describe(this.classic, now);
  }

  issueStable(forceRefresh: boolean): IssuedToken | 45009 {
    const now = this.clock.now();
    if (forceRefresh && now - this.lastForcedAt >= FORCE_SPACING_MS) {
      if (this.forcedRefreshes.peek(now) >= FORCE_DAILY_LIMIT) return 45009;
      this.forcedRefreshes.increment(now);
      this.lastForcedAt = now;
      if (this.stable) this.revoke(this.stable, now);
      this.stable = this.mint(now);
      return this.describe(this.stable, now);
    }
    // Normal mode, and force mode within 30 s of the last forced refresh ("no refresh happens").
    let current = this.stable;
    if (!current || current.revokedAt !== undefined || current.expiresAt - now <= OVERLAP_MS) {
      // A rotated stable token is not revoked: it stays valid until its own expiry.
      current = this.mint(now);
      this.stable = current;
    }
    return this.describe(current, now);
  }

  /** 0 when the token may be used, else the errcode WeChat answers. */
  check(value: string | undefined): number {
    if (!value) return 41001;
    const token = this.tokens.get(value);
    const now = this.clock.now();
    if (!token || (token.revokedAt !== undefined && now >= token.revokedAt)) return 40001;
    if (now >= token.expiresAt) return 42001;
    return 0;
  }

  reset(): void {
    this.tokens.clear();
    this.classic = undefined;
    this.stable = undefined;
    this.classicCalls = new DailyCounter();
    this.forcedRefreshes = new DailyCounter();
    this.lastForcedAt = -Infinity;
  }

  private mint(now: number): AccessToken {
    const token: AccessToken = { value: randomString(136), expiresAt: now + this.ttlSeconds * 1000 };
    this.tokens.set(token.value, token);
    return token;
  }

  private revoke(token: AccessToken, at: number): void {
    token.revokedAt = Math.min(token.revokedAt ?? Infinity, at);
  }

  private describe(token: AccessToken, now: number): IssuedToken {
    return { access_token: token.value, expires_in: Math.floor((token.expiresAt - now) / 1000) };
  }
}
