import { Global, Module } from '@nestjs/common';
import { DeliverySender } from './delivery-sender.js';
import { DeliveryDispatcher } from './dispatcher.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';
import { NoticesController } from './notices.controller.js';
import { NoticesService } from './notices.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { Notifier } from './notifier.js';
import { RealtimeGateway } from './realtime.gateway.js';

// Global: every micro-app records notifications with Notifier and wakes the DeliveryDispatcher.
@Global()
@Module({
  controllers: [InboxController, NoticesController],
  providers: [
    NotificationsRepository,
    Notifier,
    DeliverySender,
    DeliveryDispatcher,
    RealtimeGateway,
    InboxService,
    NoticesService,
  ],
  exports: [Notifier, DeliveryDispatcher, RealtimeGateway],
})
export class NotificationsModule {}
