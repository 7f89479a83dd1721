import { type InboxItem, type Preferences, SubscribeTemplateKey } from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from '../http/app-error.js';
import type { AuthedCtx } from '../http/request-context.js';
import { toInboxItem } from './inbox-item.js';
import { NotificationsRepository } from './notifications.repository.js';

/** A person's own side: inbox, preferences and WeChat subscribe credits. */
@Injectable()
export class InboxService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(personId: string, query: { unreadOnly?: boolean; page: number; pageSize: number }) {
    const { rows, total } = await this.repo.inbox(personId, query);
    return { items: rows.map(toInboxItem), total, page: query.page, pageSize: query.pageSize };
  }

  async unreadCount(personId: string) {
    return { count: await this.repo.unreadCount(personId) };
  }

  async markRead(personId: string, id: string): Promise<InboxItem> {
    const row = await this.repo.markRead(personId, id);
    if (!row) throw new AppError('NOTIFICATIONS_NOT_FOUND');
    return toInboxItem(row);
  }

  async markAllRead(personId: string) {
    return { updated: await this.repo.markAllRead(personId) };
  }

  async preferences(personId: string): Promise<Preferences> {
    return { mutedCategories: (await this.repo.preferences(personId)) as Preferences['mutedCategories'] };
  }

  async setPreferences(ctx: AuthedCtx, preferences: Preferences): Promise<Preferences> {
    const muted = [...new Set(preferences.mutedCategories)];
    await this.repo.transaction(async (tx) => {
      await this.repo.setPreferences(tx, ctx.principal.personId, muted);
      await this.audit.record(tx, ctx, {
        action: 'notifications.preferences.set',
        entityType: 'person',
        entityId: ctx.principal.personId,
        details: { mutedCategories: muted },
      });
    });
    return { mutedCategories: muted };
  }

  async subscribeTemplates(personId: string) {
    const credits = new Map((await this.repo.credits(personId)).map((c) => [c.templateKey, c.credits]));
    return {
      items: SubscribeTemplateKey.options.map((key) => ({
        key,
        templateId: this.config.SUBSCRIBE_TEMPLATES[key].id,
        credits: credits.get(key) ?? 0,
      })),
    };
  }

  /** Each accepted one-time template is one credit: one message of it may be sent later. */
  async reportSubscriptions(ctx: AuthedCtx, results: Record<string, string>) {
    const keyById = new Map(
      SubscribeTemplateKey.options.map((key) => [this.config.SUBSCRIBE_TEMPLATES[key].id, key]),
    );
    const unknown = Object.keys(results).filter((id) => !keyById.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'NOTIFICATIONS_UNKNOWN_TEMPLATE',
        unknown.map((id) => ({ path: `body.results.${id}`, issue: '未知的模板' })),
      );
    }
    const accepted = Object.entries(results).filter(([, r]) => r === 'accept' || r === 'acceptWithAudio');
    await this.repo.transaction(async (tx) => {
      for (const [id] of accepted) {
        await this.repo.addCredits(tx, ctx.principal.personId, keyById.get(id)!, 1);
      }
      await this.audit.record(tx, ctx, {
        action: 'notifications.subscriptions.reported',
        entityType: 'person',
        entityId: ctx.principal.personId,
        details: { results },
      });
    });
    return this.subscribeTemplates(ctx.principal.personId);
  }
}
