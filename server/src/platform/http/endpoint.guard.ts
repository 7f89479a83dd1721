import type { RouteDef } from '@dayuan/shared';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AuthService } from '../auth/auth.service.js';
import { GuestAuthService } from '../auth/guest-auth.service.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { AppError } from './app-error.js';
import { RATE_LIMIT, ROUTE_DEF, type RateLimitRule } from './endpoint.js';
import { zodDetails } from './zod-details.js';

const DefaultParams = z.object({ id: z.string().uuid({ message: '编号格式不正确' }).optional() });

/**
 * Runs for every handler bound with @Endpoint: rate limit → authentication → role check →
 * input validation. Input is replaced by its parsed form, so handlers only see valid data.
 */
@Injectable()
export class EndpointGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly guests: GuestAuthService,
    @Inject(SHARED_STATE) private readonly state: SharedState,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const def = this.reflector.get<RouteDef | undefined>(ROUTE_DEF, context.getHandler());
    if (!def) return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();

    const limit = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (limit) await this.enforceRateLimit(limit, req.ip);

    if (def.access === 'guest') {
      req.guest = this.guests.authenticate(req.headers.authorization);
    } else if (def.access !== 'public') {
      req.principal = await this.auth.authenticate(req.headers.authorization);
      if (
        Array.isArray(def.access) &&
        !def.access.some((role) => req.principal?.roles.some((g) => g.role === role))
      ) {
        throw new AppError('AUTH_FORBIDDEN');
      }
    }

    this.validate(def, req);
    return true;
  }

  private async enforceRateLimit(rule: RateLimitRule, ip: string) {
    const { count, ttlSeconds } = await this.state.kv.hit(`rl:${rule.name}:${ip}`, rule.windowSeconds);
    if (count > rule.limit) throw new AppError('RATE_LIMITED', [], ttlSeconds);
  }

  private validate(def: RouteDef, req: FastifyRequest) {
    const details = [];
    const params = def.params ?? DefaultParams;
    const parsedParams = params.safeParse(req.params ?? {});
    if (!parsedParams.success) details.push(...zodDetails(parsedParams.error, 'params'));
    const query = def.query ? def.query.safeParse(req.query ?? {}) : undefined;
    if (query && !query.success) details.push(...zodDetails(query.error, 'query'));
    const body = def.body ? def.body.safeParse(req.body ?? {}) : undefined;
    if (body && !body.success) details.push(...zodDetails(body.error, 'body'));
    if (!def.body && req.body !== undefined && req.body !== null && Object.keys(req.body).length > 0) {
      details.push({ path: 'body', issue: '此接口不接受请求内容' });
    }
    if (details.length > 0) throw new AppError('VALIDATION_FAILED', details);
    if (query?.success) (req as { query: unknown }).query = query.data;
    if (body?.success) (req as { body: unknown }).body = body.data;
  }
}
