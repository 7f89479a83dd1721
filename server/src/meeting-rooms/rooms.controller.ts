import { meetingRoomRoutes as r, type ParsedBody, type ParsedQuery, roomIdOf } from '@dayuan/shared';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { RoomsService } from './rooms.service.js';

/** The room catalogue and, for admins, rooms, rules and closures. */
@Controller()
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Endpoint(r.list)
  list(@Query() query: ParsedQuery<typeof r.list>) {
    return this.rooms.list(query);
  }

  /** By id or by the door code's 32-hex scene. */
  @Endpoint(r.get)
  get(@Param('id') id: string) {
    return this.rooms.get(roomIdOf(id));
  }

  @Endpoint(r.create)
  create(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.create>) {
    return this.rooms.create(ctx, body);
  }

  @Endpoint(r.update)
  update(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.update>) {
    return this.rooms.update(ctx, id, body);
  }

  @Endpoint(r.addClosure)
  addClosure(@Ctx() ctx: AuthedCtx, @Param('id') id: string, @Body() body: ParsedBody<typeof r.addClosure>) {
    return this.rooms.addClosure(ctx, id, body);
  }

  @Endpoint(r.removeClosure)
  removeClosure(@Ctx() ctx: AuthedCtx, @Param('id') id: string) {
    return this.rooms.removeClosure(ctx, id);
  }
}
