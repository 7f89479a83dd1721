import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../http/app-error.js';

const ISSUER = 'dayuan';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Short-lived HS256 JWT access tokens: `sub` = person, `sid` = session (revocable server-side).
 * Signed and checked with node:crypto synchronously: on every request, WebCrypto's async round trip cost
 * more than the HMAC itself. Only this exact header is accepted (no `alg` negotiation, no `none`).
 */
export class AccessTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(secret, 'utf8');
  }

  issue(personId: string, sessionId: string, now = Date.now()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now / 1000);
    const exp = iat + this.ttlSeconds;
    const payload = Buffer.from(
      JSON.stringify({ sub: personId, sid: sessionId, iss: ISSUER, iat, exp }),
    ).toString('base64url');
    return {
      token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`,
      expiresAt: new Date(exp * 1000),
    };
  }

  verify(token: string, now = Date.now()): { personId: string; sessionId: string } {
    const [header, payload, signature, extra] = token.split('.');
    if (header !== HEADER || !payload || !signature || extra !== undefined) {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    let claims: { sub?: unknown; sid?: unknown; iss?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    if (claims.iss !== ISSUER || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new AppError('AUTH_TOKEN_INVALID');
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) throw new AppError('AUTH_TOKEN_EXPIRED');
    return { personId: claims.sub, sessionId: claims.sid };
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
