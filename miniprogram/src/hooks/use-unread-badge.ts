import { useEffect } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { INBOX_TAB_INDEX } from '@/services/navigation';
import { useInbox } from '@/stores/inbox';

/**
 * Keeps the 消息 tab's badge on the unread count. Every tab page uses it: WeChat sets a tabBar badge only
 * while a tab page shows, and H5's tab bar can mount after the count arrives, so each show applies it again.
 */
export function useUnreadBadge(): void {
  const unread = useInbox((s) => s.unread);
  useEffect(() => showBadge(unread), [unread]);
  useDidShow(() => showBadge(useInbox.getState().unread));
}

function showBadge(count: number): void {
  const done =
    count > 0
      ? Taro.setTabBarBadge({ index: INBOX_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index: INBOX_TAB_INDEX });
  // Refused while a non-tab page is in front; the next show of a tab page sets it.
  done.catch(() => undefined);
}
