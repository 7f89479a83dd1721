import { type NotificationTemplateKey, notificationTemplates } from '@dayuan/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PersonalDataCipher } from '../crypto/personal-data.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { SmsClient, SmsRequestError } from '../sms/sms.client.js';
import { WechatClient, WechatError } from '../wechat/wechat.client.js';
import { retryDelayMs } from './delivery-rules.js';
import { realtimeChannel, toInboxItem } from './inbox-item.js';
import {
  type ClaimedDelivery,
  type DeliveryOutcome,
  type NotificationRow,
  NotificationsRepository,
} from './notifications.repository.js';
import { fitSubscribeData } from './subscribe-data.js';

/** WeChat answers that retrying cannot fix. */
const WECHAT_PERMANENT = new Set([40003, 40037, 41030, 47003, 40249]);
/** SMS request-level codes worth another try; every other request-level code is a configuration problem. */
const SMS_TRANSIENT = /^(Unreachable|HttpError|RequestLimitExceeded|InternalError|LimitExceeded)/;
const SMS_PERMANENT_NUMBER =
  /^(InvalidParameterValue\.IncorrectPhoneNumber|FailedOperation\.PhoneNumberInBlacklist)/;

/** A failure retrying cannot fix; any other error is retried. */
class Dead extends Error {}

/** Delivers one claimed attempt on its channel and says how it ended. Never throws. */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly cipher: PersonalDataCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SHARED_STATE) private readonly state: SharedState,
    private readonly repo: NotificationsRepository,
    private readonly wechat: WechatClient,
    private readonly sms: SmsClient,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  async send(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    try {
      const { notification } = delivery;
      if (delivery.channel === 'realtime') return await this.realtime(notification);
      if (delivery.channel === 'subscribe') return await this.subscribe(notification);
      return await this.textMessage(notification, delivery);
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof Dead || delivery.attempts >= this.config.NOTIFY_MAX_ATTEMPTS) {
        this.logger.warn(
          `delivery ${delivery.id} (${delivery.channel}) dead after ${delivery.attempts}: ${message}`,
        );
        return { kind: 'dead', error: message };
      }
      return {
        kind: 'retry',
        error: message,
        at: new Date(Date.now() + retryDelayMs(delivery.attempts, this.config.NOTIFY_RETRY_BASE_MS)),
      };
    }
  }

  private async realtime(notification: NotificationRow): Promise<DeliveryOutcome> {
    await this.state.pubsub.publish(
      realtimeChannel(notification.personId!),
      JSON.stringify(toInboxItem(notification)),
    );
    return { kind: 'sent' };
  }

  private async subscribe(notification: NotificationRow): Promise<DeliveryOutcome> {
    const template = notificationTemplates[notification.template as NotificationTemplateKey];
    const subscribe = template.subscribe!;
    const configured = this.config.SUBSCRIBE_TEMPLATES[subscribe.key];
    const personId = notification.personId!;
    const openid = await this.repo.openidOf(personId);
    if (!openid) return { kind: 'skipped', reason: 'no WeChat binding' };
    if (!(await this.repo.takeCredit(personId, subscribe.key))) {
      return { kind: 'skipped', reason: 'no subscription credit' };
    }
    const data = fitSubscribeData(
      (subscribe.data as (p: unknown, at: Date) => Record<string, string>)(
        notification.params,
        notification.createdAt,
      ),
      configured.keywords,
    );
    try {
      await this.wechat.sendSubscribeMessage({
        openid,
        templateId: configured.id,
        page: notification.link,
        data,
      });
      return { kind: 'sent' };
    } catch (err) {
      if (err instanceof WechatError && err.errcode === 43101) {
        // WeChat holds no credit for this user: ours was stale.
        await this.repo.clearCredits(personId, subscribe.key);
        return { kind: 'skipped', reason: 'user refused (43101)' };
      }
      if (err instanceof WechatError && WECHAT_PERMANENT.has(err.errcode)) throw new Dead(err.message);
      await this.repo.returnCredit(personId, subscribe.key);
      throw err;
    }
  }

  private async textMessage(
    notification: NotificationRow,
    delivery: ClaimedDelivery,
  ): Promise<DeliveryOutcome> {
    const template = notificationTemplates[notification.template as NotificationTemplateKey];
    const sms = 'sms' in template ? template.sms : undefined;
    if (!sms) throw new Dead(`template ${notification.template} has no SMS form`);
    const phoneEnc = notification.phoneEnc ?? (await this.repo.phoneEncOf(notification.personId!));
    if (!phoneEnc) throw new Dead('recipient has no phone number');
    const phone = this.cipher.decrypt(phoneEnc);

    // Our own per-number cap counts messages sent, not attempts.
    const hourlyKey = `sms-hourly:${this.cipher.hash('phone', phone)}`;
    if (Number(await this.state.kv.get(hourlyKey)) >= this.config.SMS_PER_NUMBER_HOURLY) {
      return { kind: 'retry', error: 'per-number hourly limit reached', at: new Date(Date.now() + 600_000) };
    }
    let result;
    try {
      [result] = await this.sms.send({
        phones: [phone],
        templateId: this.config.SMS_TEMPLATES[sms.key],
        params: (sms.params as (p: unknown) => string[])(notification.params),
        sessionContext: `delivery:${delivery.id}`,
      });
    } catch (err) {
      if (err instanceof SmsRequestError && !SMS_TRANSIENT.test(err.code)) throw new Dead(err.message);
      throw err;
    }
    if (!result) throw new Error('no per-number result');
    if (result.ok) {
      await this.state.kv.hit(hourlyKey, 3600);
      return { kind: 'sent' };
    }
    if (SMS_PERMANENT_NUMBER.test(result.code)) throw new Dead(result.code);
    throw new Error(result.code);
  }
}
