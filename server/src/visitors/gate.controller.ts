import { gateRoutes as r, type ParsedBody } from '@dayuan/shared';
import { Body, Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '../platform/http/endpoint.js';
import { type AuthedCtx, Ctx } from '../platform/http/request-context.js';
import { GateService } from './gate.service.js';

@Controller()
export class GateController {
  constructor(private readonly gate: GateService) {}

  @Endpoint(r.deviceScan)
  deviceScan(@Req() req: FastifyRequest, @Body() body: ParsedBody<typeof r.deviceScan>) {
    return this.gate.deviceScan(signed(req), body);
  }

  @Endpoint(r.devicePlate)
  devicePlate(@Req() req: FastifyRequest, @Body() body: ParsedBody<typeof r.devicePlate>) {
    return this.gate.devicePlate(signed(req), body);
  }

  @Endpoint(r.entryCode)
  entryCode(@Ctx() ctx: AuthedCtx) {
    return this.gate.entryCode(ctx.principal.personId);
  }

  @Endpoint(r.guardScan)
  guardScan(@Ctx() ctx: AuthedCtx, @Body() body: ParsedBody<typeof r.guardScan>) {
    return this.gate.guardScan(ctx, body);
  }

  @Endpoint(r.passages)
  passages(@Ctx() ctx: AuthedCtx) {
    return this.gate.passages(ctx);
  }
}

const signed = (req: FastifyRequest) => ({
  method: req.method,
  path: req.url.split('?')[0]!,
  headers: req.headers,
  rawBody: req.rawBody ?? '',
});
