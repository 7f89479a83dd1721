import { type ParsedBody, seriesRoutes as r } from '@dayuan/shared';
import { Body, Controller, Param } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { OccurrenceMoveService } from './occurrence-move.service.js';
import { SeriesService } from './series.service.js';

/** Recurring series and moving single occurrences. */
@Controller()
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly moves: OccurrenceMoveService,
  ) {}

  @Endpoint(r.preview)
  preview(@Body() body: ParsedBody<typeof r.preview>) {
    return this.series.preview(body);
  }

  @Endpoint(r.create)
  create(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.create>) {
    return this.series.create(ctx, body);
  }

  @Endpoint(r.get)
  get(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.series.get(ctx, id);
  }

  @Endpoint(r.cancelRest)
  cancelRest(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.cancelRest>) {
    return this.series.cancelRest(ctx, id, body);
  }

  @Endpoint(r.move)
  move(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.move>) {
    return this.moves.move(ctx, id, body);
  }
}
