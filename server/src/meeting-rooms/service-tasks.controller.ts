import { type ParsedQuery, serviceTaskRoutes as r } from '@dayuan/shared';
import { Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { ServiceTasksService } from './service-tasks.service.js';

/** The meeting_service queue. */
@Controller()
export class ServiceTasksController {
  constructor(private readonly tasks: ServiceTasksService) {}

  @Endpoint(r.list)
  list(@Query() query: ParsedQuery<typeof r.list>) {
    return this.tasks.list(query);
  }

  @Endpoint(r.accept)
  accept(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.tasks.accept(ctx, id);
  }

  @Endpoint(r.done)
  done(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.tasks.done(ctx, id);
  }
}
