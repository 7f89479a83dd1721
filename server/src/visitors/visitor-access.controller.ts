import { type ParsedBody, visitRoutes as r } from '@dayuan/shared';
import { Body, Controller, Param } from '@nestjs/common';
import { Endpoint, RateLimit } from '../platform/http/endpoint.js';
import { Ctx, type GuestCtx } from '../platform/http/request-context.js';
import { VisitorAccessService } from './visitor-access.service.js';

/** Routes visitors reach without an account: SMS links, booking codes, their passes. */
@Controller()
export class VisitorAccessController {
  constructor(private readonly access: VisitorAccessService) {}

  @Endpoint(r.invitationLink)
  @RateLimit({ name: 'visitor-link', limit: 60, windowSeconds: 60 })
  invitationLink(@Param('token') token: string) {
    return this.access.invitationLink(token);
  }

  @Endpoint(r.invitationCode)
  @RateLimit({ name: 'visitor-link-sms', limit: 5, windowSeconds: 300 })
  invitationCode(@Param('token') token: string) {
    return this.access.invitationCode(token);
  }

  @Endpoint(r.invitationSession)
  @RateLimit({ name: 'visitor-link-session', limit: 20, windowSeconds: 60 })
  invitationSession(@Param('token') token: string, @Body() body: ParsedBody<typeof r.invitationSession>) {
    return this.access.invitationSession(token, body.code);
  }

  @Endpoint(r.bookingPage)
  @RateLimit({ name: 'visitor-booking', limit: 60, windowSeconds: 60 })
  bookingPage(@Param('code') code: string) {
    return this.access.bookingPage(code);
  }

  @Endpoint(r.request)
  @RateLimit({ name: 'visitor-request', limit: 10, windowSeconds: 3600 })
  request(@Ctx() ctx: GuestCtx, @Param('code') code: string, @Body() body: ParsedBody<typeof r.request>) {
    return this.access.request(ctx, code, body);
  }

  @Endpoint(r.myPasses)
  myPasses(@Ctx() ctx: GuestCtx) {
    return this.access.myPasses(ctx);
  }

  @Endpoint(r.completeProfile)
  completeProfile(
    @Ctx() ctx: GuestCtx,
    @Param('id') id: string,
    @Body() body: ParsedBody<typeof r.completeProfile>,
  ) {
    return this.access.completeProfile(ctx, id, body);
  }

  @Endpoint(r.passCode)
  passCode(@Ctx() ctx: GuestCtx, @Param('id') id: string) {
    return this.access.passCode(ctx, id);
  }
}
