import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { createDb, type DbHandle } from './client.js';

export const DB_HANDLE = Symbol('DB_HANDLE');
export const DB = Symbol('DB');
export const InjectDb = () => Inject(DB);

@Global()
@Module({
  providers: [
    {
      provide: DB_HANDLE,
      inject: [APP_CONFIG],
      // Migrations run here, before the server listens.
      useFactory: (config: AppConfig) =>
        createDb({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR, poolMax: config.PG_POOL_MAX }),
    },
    { provide: DB, inject: [DB_HANDLE], useFactory: (handle: DbHandle) => handle.db },
  ],
  exports: [DB, DB_HANDLE],
})
export class DbModule implements OnApplicationShutdown {
  constructor(@Inject(DB_HANDLE) private readonly handle: DbHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}
