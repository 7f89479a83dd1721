import { type Delivery, maskPhone } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import { notificationDeliveries } from '../db/schema.js';
import { AppError } from '../http/app-error.js';
import type { AuthedCtx } from '../http/request-context.js';
import { DeliveryDispatcher } from './dispatcher.js';
import { NotificationsRepository } from './notifications.repository.js';
import { Notifier } from './notifier.js';

/** Administration: announcements to the compound, and deliveries that failed for good. */
@Injectable()
export class NoticesService {
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async announce(
    ctx: AuthedCtx,
    input: { title: string; body: string; departmentIds: string[]; urgency: 'normal' | 'urgent' },
  ) {
    const paths = await this.repo.departmentPaths(input.departmentIds);
    if (paths.length !== new Set(input.departmentIds).size) {
      throw new AppError('DIRECTORY_DEPARTMENT_NOT_FOUND');
    }
    const personIds = await this.repo.activePeopleIn(paths);
    const announcementId = randomUUID();
    const recipients = await this.repo.transaction(async (tx) => {
      const count = await this.notifier.notify(tx, {
        template: 'platform.announcement',
        params: { title: input.title, body: input.body, publisher: ctx.principal.name },
        to: personIds.map((personId) => ({ personId })),
        urgency: input.urgency,
        dedupeKey: `announcement:${announcementId}`,
      });
      await this.audit.record(tx, ctx, {
        action: 'notifications.announced',
        entityType: 'announcement',
        entityId: announcementId,
        details: { title: input.title, departments: paths, urgency: input.urgency, recipients: count },
      });
      return count;
    });
    this.dispatcher.kick();
    return { recipients };
  }

  async deadLetters(query: { page: number; pageSize: number }) {
    const { rows, total } = await this.repo.deliveriesWhere(
      eq(notificationDeliveries.status, 'dead'),
      query.page,
      query.pageSize,
    );
    return { items: rows.map((r) => this.view(r)), total, page: query.page, pageSize: query.pageSize };
  }

  async retry(ctx: AuthedCtx, id: number): Promise<Delivery> {
    const revived = await this.repo.transaction(async (tx) => {
      if (!(await this.repo.reviveDead(tx, id))) return false;
      await this.audit.record(tx, ctx, {
        action: 'notifications.delivery.retried',
        entityType: 'delivery',
        entityId: String(id),
      });
      return true;
    });
    const [row] = (await this.repo.deliveriesWhere(eq(notificationDeliveries.id, id), 1, 1)).rows;
    if (!row) throw new AppError('NOTIFICATIONS_NOT_FOUND');
    if (!revived) throw new AppError('NOTIFICATIONS_NOT_DEAD');
    this.dispatcher.kick();
    return this.view(row);
  }

  private view(
    row: Awaited<ReturnType<NotificationsRepository['deliveriesWhere']>>['rows'][number],
  ): Delivery {
    return {
      id: String(row.delivery.id),
      notificationId: row.delivery.notificationId,
      template: row.template,
      channel: row.delivery.channel,
      status: row.delivery.status,
      attempts: row.delivery.attempts,
      lastError: row.delivery.lastError,
      recipient: row.personName ?? (row.phoneEnc ? maskPhone(this.cipher.decrypt(row.phoneEnc)) : '未知'),
      createdAt: row.delivery.createdAt.toISOString(),
    };
  }
}
