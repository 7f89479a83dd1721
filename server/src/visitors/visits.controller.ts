import { type ParsedBody, type ParsedQuery, visitRoutes as r } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { VisitsService } from './visits.service.js';

/** Staff routes of visits: invitations, lists, decisions, the booking code, zones. */
@Controller()
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Endpoint(r.zones)
  zones() {
    return this.visits.zones();
  }

  @Endpoint(r.updateZone)
  updateZone(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.updateZone>) {
    return this.visits.updateZone(ctx, id, body);
  }

  @Endpoint(r.invite)
  invite(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.invite>) {
    return this.visits.invite(ctx, body);
  }

  @Endpoint(r.list)
  list(@Ctx() ctx: AuthedCtx, @Query() query: ParsedQuery<typeof r.list>) {
    return this.visits.list(ctx, query);
  }

  @Endpoint(r.get)
  get(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.visits.get(ctx, id);
  }

  @Endpoint(r.personalData)
  personalData(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.visits.personalData(ctx, id);
  }

  @Endpoint(r.decide)
  decide(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.decide>) {
    return this.visits.decide(ctx, id, body);
  }

  @Endpoint(r.cancel)
  cancel(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.visits.cancel(ctx, id);
  }

  @Endpoint(r.bookingLink)
  bookingLink(@Ctx() ctx: AuthedCtx) {
    return this.visits.bookingLink(ctx);
  }

  @Endpoint(r.updateBookingLink)
  updateBookingLink(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.updateBookingLink>) {
    return this.visits.updateBookingLink(ctx, body);
  }
}
