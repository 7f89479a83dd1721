import type { RouteDef } from '@dayuan/shared';
import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';

export const ROUTE_DEF = 'dayuan:route';
export const RATE_LIMIT = 'dayuan:rate-limit';

const methods = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

/**
 * Binds a handler to a shared route: method, path, who may call it (from the contract) and
 * validation of params, query and body (EndpointGuard). Handlers receive already-parsed input.
 */
export function Endpoint(def: RouteDef) {
  return applyDecorators(methods[def.method](def.path), HttpCode(200), SetMetadata(ROUTE_DEF, def));
}

export interface RateLimitRule {
  /** Counter name; one counter per name and client IP. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Caps calls per client IP; over the cap the request gets 429 RATE_LIMITED with Retry-After. */
export const RateLimit = (rule: RateLimitRule) => SetMetadata(RATE_LIMIT, rule);
