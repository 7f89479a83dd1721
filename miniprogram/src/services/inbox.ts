import { notificationRoutes as r, type RouteBody, type RouteQuery } from '@dayuan/shared';
import { useInbox } from '@/stores/inbox';
import { call } from './request';

/** The signed-in person's own notification routes (the admin ones live in the notifications subpackage). */
export const inboxApi = {
  list: (query: RouteQuery<typeof r.inbox>) => call(r.inbox, { query }),
  markRead: (id: string) => call(r.markRead, { params: { id } }),
  markAllRead: () => call(r.markAllRead),
  preferences: () => call(r.preferences),
  setPreferences: (body: RouteBody<typeof r.setPreferences>) => call(r.setPreferences, { body }),
};

/** Loads the unread count into the inbox store (the realtime `ready` message does the same). */
export async function refreshUnread(): Promise<void> {
  const { count } = await call(r.unreadCount);
  useInbox.getState().setUnread(count);
}
