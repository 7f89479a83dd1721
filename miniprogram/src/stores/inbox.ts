import { create } from 'zustand';
import type { InboxItem } from '@dayuan/shared';

/** How many pushed notifications are kept, and so how far back a second delivery is recognised. */
const LATEST_LIMIT = 100;

interface InboxState {
  /** Unread notifications: the server's last count plus what arrived since. */
  unread: number;
  /** Notifications pushed during this session, newest first. */
  latest: InboxItem[];
  setUnread: (count: number) => void;
  /** Adds a pushed notification; false when it is already here (a reconnect can deliver it again). */
  receive: (item: InboxItem) => boolean;
  /** A notification that was unread has been read; `item` is the server's updated copy. */
  markedRead: (item: InboxItem) => void;
  markedAllRead: (readAt: string) => void;
  reset: () => void;
}

/** The signed-in person's inbox as far as the whole app needs it: the unread badge and live arrivals. */
export const useInbox = create<InboxState>()((set, get) => ({
  unread: 0,
  latest: [],
  setUnread: (count) => set({ unread: Math.max(0, count) }),
  receive: (item) => {
    if (get().latest.some((known) => known.id === item.id)) return false;
    set((s) => ({
      latest: [item, ...s.latest].slice(0, LATEST_LIMIT),
      unread: item.readAt === null ? s.unread + 1 : s.unread,
    }));
    return true;
  },
  markedRead: (item) =>
    set((s) => ({
      unread: Math.max(0, s.unread - 1),
      latest: s.latest.map((known) => (known.id === item.id ? item : known)),
    })),
  markedAllRead: (readAt) =>
    set((s) => ({
      unread: 0,
      latest: s.latest.map((known) => (known.readAt ? known : { ...known, readAt })),
    })),
  reset: () => set({ unread: 0, latest: [] }),
}));
