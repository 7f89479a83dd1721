import { healthRoutes } from '@dayuan/shared';
import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { DB_HANDLE } from '../db/db.module.js';
import type { DbHandle } from '../db/client.js';
import { Endpoint } from '../http/endpoint.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { Metrics } from './metrics.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Controller()
export class HealthController {
  constructor(
    @Inject(DB_HANDLE) private readonly db: DbHandle,
    @Inject(SHARED_STATE) private readonly state: SharedState,
    private readonly metrics: Metrics,
  ) {}

  @Endpoint(healthRoutes.health)
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [dbOk, redisOk] = await Promise.all([
      this.db.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      this.state.ping().catch(() => false),
    ]);
    const status = dbOk && redisOk ? 'ok' : 'degraded';
    if (status !== 'ok') void reply.status(503);
    return { status, db: this.db.kind, redis: this.state.kind, version: VERSION };
  }

  @Get('/metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metricsText() {
    return this.metrics.registry.metrics();
  }
}
