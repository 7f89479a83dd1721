import {
  type NotificationTemplateKey,
  notificationTemplates,
  type TemplateParams,
  type Urgency,
} from '@dayuan/shared';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import type { Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { zodDetails } from '../http/zod-details.js';
import { channelsFor, nextSendingTime } from './delivery-rules.js';
import { NotificationsRepository } from './notifications.repository.js';
import { fitSubscribeData } from './subscribe-data.js';

export type Recipient = { personId: string } | { phone: string };

export interface NotifyInput<K extends NotificationTemplateKey> {
  template: K;
  params: TemplateParams<K>;
  to: Recipient[];
  urgency?: Urgency;
  /** Identifies the business event: recording it again for the same recipient is a no-op. */
  dedupeKey: string;
}

const CHUNK = 500;

/**
 * Records notifications in the caller's transaction: the inbox rows and one outbox row per push channel.
 * Nothing is sent here; the dispatcher delivers after commit. Params are checked now, so a bad
 * notification fails its business change instead of failing later at send time.
 */
@Injectable()
export class Notifier {
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async notify<K extends NotificationTemplateKey>(tx: Tx, input: NotifyInput<K>): Promise<number> {
    const template = notificationTemplates[input.template];
    if (!template) {
      throw new AppError('NOTIFICATIONS_INVALID_PARAMS', [
        { path: 'template', issue: String(input.template) },
      ]);
    }
    const parsed = (template.params as z.ZodType).safeParse(input.params);
    if (!parsed.success) {
      throw new AppError('NOTIFICATIONS_INVALID_PARAMS', zodDetails(parsed.error, 'params'));
    }
    const params = parsed.data as never;
    const urgency = input.urgency ?? 'normal';
    const subscribe = template.subscribe;
    if (subscribe) {
      try {
        fitSubscribeData(
          subscribe.data(params, new Date()),
          this.config.SUBSCRIBE_TEMPLATES[subscribe.key].keywords,
        );
      } catch (err) {
        throw new AppError('NOTIFICATIONS_INVALID_PARAMS', [
          { path: 'subscribe', issue: (err as Error).message },
        ]);
      }
    }
    const sms = 'sms' in template ? template.sms : undefined;
    const content = {
      template: input.template,
      category: template.category,
      params: params as Record<string, unknown>,
      title: template.title(params),
      body: template.body(params),
      link: template.link(params),
      urgency,
      dedupeKey: input.dedupeKey,
    };
    const smsAt = urgency === 'urgent' ? new Date() : nextSendingTime(new Date(), this.config.SMS_SEND_HOURS);

    let inserted = 0;
    for (let i = 0; i < input.to.length; i += CHUNK) {
      const batch = input.to.slice(i, i + CHUNK);
      const personIds = batch.flatMap((r) => ('personId' in r ? [r.personId] : []));
      const muted = await this.repo.mutedCategories(tx, personIds);
      // A subscribe message needs a one-time credit; people holding none get no subscribe delivery.
      const subscribers = subscribe
        ? await this.repo.creditHolders(tx, personIds, subscribe.key)
        : new Set<string>();
      const rows = batch.map((r) =>
        'personId' in r
          ? { ...content, personId: r.personId, recipient: `p:${r.personId}` }
          : {
              ...content,
              phoneEnc: this.cipher.encrypt(r.phone),
              recipient: `m:${this.cipher.hash('phone', r.phone)}`,
            },
      );
      const created = await this.repo.insertNotifications(tx, rows);
      const deliveries = created.flatMap(({ id, recipient }) => {
        const personId = recipient.startsWith('p:') ? recipient.slice(2) : null;
        return channelsFor({
          recipient: personId ? 'person' : 'phone',
          urgency,
          category: template.category,
          muted: personId ? (muted.get(personId) ?? []) : [],
          hasSubscribe: personId !== null && subscribers.has(personId),
          hasSms: !!sms,
        }).map((channel) => ({
          notificationId: id,
          channel,
          nextAttemptAt: channel === 'sms' ? smsAt : undefined,
        }));
      });
      await this.repo.insertDeliveries(tx, deliveries);
      inserted += created.length;
    }
    return inserted;
  }
}
