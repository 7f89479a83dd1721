import { type ParsedBody, type ParsedQuery, visitRoutes as r } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { GuardDeskService } from './guard-desk.service.js';

@Controller()
export class GuardDeskController {
  constructor(private readonly desk: GuardDeskService) {}

  @Endpoint(r.expected)
  expected(@Ctx() ctx: AuthedCtx, @Query() query: ParsedQuery<typeof r.expected>) {
    return this.desk.expected(ctx, query);
  }

  @Endpoint(r.walkIn)
  walkIn(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.walkIn>) {
    return this.desk.walkIn(ctx, body);
  }

  @Endpoint(r.checkIn)
  checkIn(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.checkIn>) {
    return this.desk.manual(ctx, id, 'in', body);
  }

  @Endpoint(r.checkOut)
  checkOut(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.checkOut>) {
    return this.desk.manual(ctx, id, 'out', body);
  }
}
