import { notificationRoutes as r, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../http/endpoint.js';
import { type AuthedCtx, Ctx } from '../http/request-context.js';
import { NoticesService } from './notices.service.js';

@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Endpoint(r.announce)
  announce(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.announce>) {
    return this.notices.announce(ctx, body);
  }

  @Endpoint(r.deadLetters)
  deadLetters(@Query() query: ParsedQuery<typeof r.deadLetters>) {
    return this.notices.deadLetters(query);
  }

  @Endpoint(r.retryDelivery)
  retry(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.notices.retry(ctx, Number(id));
  }
}
