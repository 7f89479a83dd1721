import { notificationRoutes as r, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../http/endpoint.js';
import { type AuthedCtx, Ctx } from '../http/request-context.js';
import { InboxService } from './inbox.service.js';

@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Endpoint(r.inbox)
  list(@Ctx() ctx: AuthedCtx, @Query() query: ParsedQuery<typeof r.inbox>) {
    return this.inbox.list(ctx.principal.personId, query);
  }

  @Endpoint(r.unreadCount)
  unreadCount(@Ctx() ctx: AuthedCtx) {
    return this.inbox.unreadCount(ctx.principal.personId);
  }

  @Endpoint(r.markAllRead)
  markAllRead(@Ctx() ctx: AuthedCtx) {
    return this.inbox.markAllRead(ctx.principal.personId);
  }

  @Endpoint(r.markRead)
  markRead(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.inbox.markRead(ctx.principal.personId, id);
  }

  @Endpoint(r.preferences)
  preferences(@Ctx() ctx: AuthedCtx) {
    return this.inbox.preferences(ctx.principal.personId);
  }

  @Endpoint(r.setPreferences)
  setPreferences(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.setPreferences>) {
    return this.inbox.setPreferences(ctx, body);
  }

  @Endpoint(r.subscribeTemplates)
  subscribeTemplates(@Ctx() ctx: AuthedCtx) {
    return this.inbox.subscribeTemplates(ctx.principal.personId);
  }

  @Endpoint(r.reportSubscriptions)
  reportSubscriptions(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.reportSubscriptions>) {
    return this.inbox.reportSubscriptions(ctx, body.results);
  }
}
