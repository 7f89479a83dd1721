import { bookingRoutes as r, type ParsedBody, type ParsedQuery } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { BookingsService } from './bookings.service.js';

/** The day grid, the free-room finder and bookings. */
@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Endpoint(r.availability)
  availability(@Query() query: ParsedQuery<typeof r.availability>) {
    return this.bookings.availability(query);
  }

  @Endpoint(r.freeRooms)
  freeRooms(@Query() query: ParsedQuery<typeof r.freeRooms>) {
    return this.bookings.freeRooms(query);
  }

  @Endpoint(r.create)
  create(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.create>) {
    return this.bookings.create(ctx, body);
  }

  @Endpoint(r.mine)
  mine(@Ctx() ctx: AuthedCtx, @Query() query: ParsedQuery<typeof r.mine>) {
    return this.bookings.mine(ctx, query);
  }

  @Endpoint(r.get)
  get(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.bookings.get(ctx, id);
  }

  @Endpoint(r.cancel)
  cancel(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.bookings.cancel(ctx, id);
  }
}
