import { authRoutes, type ParsedBody } from '@dayuan/shared';
import { Body, Controller } from '@nestjs/common';
import { Endpoint, RateLimit } from '../http/endpoint.js';
import { type AuthedCtx, Ctx, type RequestCtx } from '../http/request-context.js';
import { AuthService } from './auth.service.js';

type BodyOf<K extends keyof typeof authRoutes> = ParsedBody<(typeof authRoutes)[K]>;

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Endpoint(authRoutes.wechatLogin)
  @RateLimit({ name: 'auth-login', limit: 30, windowSeconds: 60 })
  wechatLogin(@Ctx() ctx: RequestCtx, @Body() body: BodyOf<'wechatLogin'>) {
    return this.auth.wechatLogin(ctx, body.code);
  }

  @Endpoint(authRoutes.bindPhone)
  @RateLimit({ name: 'auth-bind', limit: 20, windowSeconds: 60 })
  bindPhone(@Ctx() ctx: RequestCtx, @Body() body: BodyOf<'bindPhone'>) {
    return this.auth.bindByPhone(ctx, body.bindTicket, body.phoneCode);
  }

  @Endpoint(authRoutes.smsCode)
  @RateLimit({ name: 'auth-sms', limit: 5, windowSeconds: 300 })
  smsCode(@Ctx() ctx: RequestCtx, @Body() body: BodyOf<'smsCode'>) {
    return this.auth.sendSmsCode(ctx, body.bindTicket, body.employeeNo);
  }

  @Endpoint(authRoutes.bindSms)
  @RateLimit({ name: 'auth-bind', limit: 20, windowSeconds: 60 })
  bindSms(@Ctx() ctx: RequestCtx, @Body() body: BodyOf<'bindSms'>) {
    return this.auth.bindBySms(ctx, body.bindTicket, body.employeeNo, body.smsCode);
  }

  @Endpoint(authRoutes.refresh)
  @RateLimit({ name: 'auth-refresh', limit: 60, windowSeconds: 60 })
  refresh(@Ctx() ctx: RequestCtx, @Body() body: BodyOf<'refresh'>) {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  @Endpoint(authRoutes.logout)
  logout(@Ctx() ctx: AuthedCtx) {
    return this.auth.logout(ctx);
  }

  @Endpoint(authRoutes.me)
  me(@Ctx() ctx: AuthedCtx) {
    return this.auth.me(ctx.principal.personId);
  }
}
