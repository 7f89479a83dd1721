import type { z } from 'zod';
import {
  categoryLabels,
  notificationTemplates,
  type DeliveryChannel,
  type DeliveryStatus,
} from '@dayuan/shared';

export const channelLabels: Record<z.infer<typeof DeliveryChannel>, string> = {
  realtime: '站内实时',
  subscribe: '微信订阅消息',
  sms: '短信',
};

export const statusLabels: Record<z.infer<typeof DeliveryStatus>, string> = {
  pending: '待发送',
  queued: '排队中',
  sending: '发送中',
  retry: '等待重试',
  sent: '已发送',
  skipped: '已跳过',
  dead: '发送失败',
};

function isTemplateKey(key: string): key is keyof typeof notificationTemplates {
  return Object.prototype.hasOwnProperty.call(notificationTemplates, key);
}

/** What a template is about (its category), or its key when this build does not know it. */
export function templateLabel(template: string): string {
  return isTemplateKey(template) ? categoryLabels[notificationTemplates[template].category] : template;
}
