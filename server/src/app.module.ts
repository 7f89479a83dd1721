import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from './platform/audit/audit.module.js';
import { AuthModule } from './platform/auth/auth.module.js';
import { APP_CONFIG, type AppConfig } from './platform/config/config.js';
import { DbModule } from './platform/db/db.module.js';
import { DirectoryModule } from './platform/directory/directory.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { EndpointGuard } from './platform/http/endpoint.guard.js';
import { ErrorFilter } from './platform/http/error.filter.js';
import { KvModule } from './platform/kv/kv.module.js';
import { VisitorsModule } from './visitors/visitors.module.js';
import { MeetingRoomsModule } from './meeting-rooms/meeting-rooms.module.js';
import { NotificationsModule } from './platform/notifications/notifications.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DbModule,
        KvModule,
        AuditModule,
        HealthModule,
        NotificationsModule,
        AuthModule,
        DirectoryModule,
        VisitorsModule,
        MeetingRoomsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: EndpointGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
