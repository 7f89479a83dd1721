import { blockListRoutes as r, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { BlockListService } from './block-list.service.js';
import { VisitorStatsService } from './visitor-stats.service.js';

/** Admin routes: the block list and visitor statistics. */
@Controller()
export class BlockListController {
  constructor(
    private readonly blockList: BlockListService,
    private readonly statistics: VisitorStatsService,
  ) {}

  @Endpoint(r.list)
  list(@Query() query: ParsedQuery<typeof r.list>) {
    return this.blockList.list(query);
  }

  @Endpoint(r.add)
  add(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.add>) {
    return this.blockList.add(ctx, body);
  }

  @Endpoint(r.remove)
  remove(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.blockList.remove(ctx, id);
  }

  @Endpoint(r.stats)
  stats(@Query() query: ParsedQuery<typeof r.stats>) {
    return this.statistics.stats(query.days);
  }
}
