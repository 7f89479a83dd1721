import type { InboxItem, NotificationCategory, Urgency } from '@dayuan/shared';
import type { NotificationRow } from './notifications.repository.js';

export function toInboxItem(row: NotificationRow): InboxItem {
  return {
    id: row.id,
    template: row.template,
    category: row.category as NotificationCategory,
    title: row.title,
    body: row.body,
    link: row.link,
    urgency: row.urgency as Urgency,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export const realtimeChannel = (personId: string) => `realtime:${personId}`;
