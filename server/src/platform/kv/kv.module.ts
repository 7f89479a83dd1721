import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SHARED_STATE, type SharedState } from './kv.js';
import { createMemoryState } from './memory-state.js';
import { createRedisState } from './redis-state.js';

export async function createSharedState(config: AppConfig): Promise<SharedState> {
  const logger = new Logger('SharedState');
  if (config.REDIS_URL) {
    return createRedisState(config.REDIS_URL, config.REDIS_PREFIX, (err) =>
      logger.warn(`redis: ${err.message}`),
    );
  }
  logger.warn('REDIS_URL not set: in-process state (single instance only)');
  return createMemoryState();
}

@Global()
@Module({
  providers: [{ provide: SHARED_STATE, inject: [APP_CONFIG], useFactory: createSharedState }],
  exports: [SHARED_STATE],
})
export class KvModule implements OnApplicationShutdown {
  constructor(@Inject(SHARED_STATE) private readonly state: SharedState) {}

  async onApplicationShutdown(): Promise<void> {
    await this.state.close();
  }
}
