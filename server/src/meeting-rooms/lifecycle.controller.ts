import { bookingLifecycleRoutes as r, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { ApprovalsService } from './approvals.service.js';
import { BookingLifecycleService } from './booking-lifecycle.service.js';

/** Approvals, check-in, ending early and extending. */
@Controller()
export class LifecycleController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly lifecycle: BookingLifecycleService,
  ) {}

  @Endpoint(r.approvals)
  awaitingDecision(@Ctx() ctx: AuthedCtx, @Query() query: ParsedQuery<typeof r.approvals>) {
    return this.approvals.awaitingDecision(ctx, query);
  }

  @Endpoint(r.decide)
  decide(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.decide>) {
    return this.approvals.decide(ctx, id, body);
  }

  @Endpoint(r.checkIn)
  checkIn(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.lifecycle.checkIn(ctx, id);
  }

  @Endpoint(r.checkInAtRoom)
  checkInAtRoom(@Ctx() ctx: AuthedCtx, @Param('id') roomId: string) {
    return this.lifecycle.checkInAtRoom(ctx, roomId);
  }

  @Endpoint(r.end)
  end(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.lifecycle.end(ctx, id);
  }

  @Endpoint(r.extend)
  extend(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.extend>) {
    return this.lifecycle.extend(ctx, id, body);
  }
}
