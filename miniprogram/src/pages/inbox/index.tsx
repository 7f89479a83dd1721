import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { InboxItem } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { useUnreadBadge } from '@/hooks/use-unread-badge';
import { inboxApi, refreshUnread } from '@/services/inbox';
import { INBOX_PAGE, openLink } from '@/services/navigation';
import { showApiError } from '@/services/request';
import { askToSubscribe, canAskToSubscribe } from '@/services/subscribe';
import { useInbox } from '@/stores/inbox';
import { InboxRow } from './inbox-row';
import { mergeInbox } from './merge-items';
import './index.scss';

const PAGE_SIZE = 20;
const TABS = [
  { label: '全部', unreadOnly: false },
  { label: '未读', unreadOnly: true },
] as const;

const ignore = () => undefined;

export default function InboxPage() {
  const signedIn = useRequireSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  /** Pushed before the first page was last loaded, so that page has them already. */
  const [pushedBefore, setPushedBefore] = useState<ReadonlySet<string>>(() => new Set());
  /** Copies changed here (read), by id. */
  const [updated, setUpdated] = useState<Record<string, InboxItem>>({});
  const [expanded, setExpanded] = useState<string | null>(null);
  const [markingAll, setMarkingAll] = useState(false);
  const pushed = useInbox((s) => s.latest);
  const unread = useInbox((s) => s.unread);
  useUnreadBadge();

  const fetchPage = useCallback(
    (page: number) => {
      if (page === 1) {
        setPushedBefore(new Set(useInbox.getState().latest.map((item) => item.id)));
        refreshUnread().catch(ignore);
      }
      return inboxApi.list({ page, pageSize: PAGE_SIZE, unreadOnly: unreadOnly ? 'true' : undefined });
    },
    [unreadOnly],
  );
  const list = usePagedApi(fetchPage, { enabled: signedIn });
  const items = mergeInbox(
    pushed.filter((item) => !pushedBefore.has(item.id)),
    list.items,
    updated,
  );
  const hasUnread = unread > 0 || items.some((item) => item.readAt === null);

  const markRead = (item: InboxItem) => {
    const read = { ...item, readAt: new Date().toISOString() };
    setUpdated((u) => ({ ...u, [item.id]: read }));
    useInbox.getState().markedRead(read);
    inboxApi.markRead(item.id).then(
      (fresh) => setUpdated((u) => ({ ...u, [item.id]: fresh })),
      (error: unknown) => {
        setUpdated((u) => ({ ...u, [item.id]: item }));
        refreshUnread().catch(ignore);
        showApiError(error);
      },
    );
  };

  const open = (item: InboxItem) => {
    if (item.readAt === null) markRead(item);
    // A notification that links to this page (an announcement) opens in place.
    if (item.link.split('?')[0] === INBOX_PAGE) {
      setExpanded((id) => (id === item.id ? null : item.id));
      return;
    }
    openLink(item.link).catch(showApiError);
  };

  const readAll = async () => {
    setMarkingAll(true);
    try {
      await inboxApi.markAllRead();
      useInbox.getState().markedAllRead(new Date().toISOString());
      setUpdated({});
      await list.reload();
    } catch (error) {
      showApiError(error);
    } finally {
      setMarkingAll(false);
    }
  };

  // Straight from the tap: WeChat opens the subscribe dialog only in answer to one.
  const remind = () => {
    void askToSubscribe(['announcement', 'account_change']).then((answers) => {
      const accepted = Object.values(answers).some((a) => a === 'accept' || a === 'acceptWithAudio');
      void Taro.showToast({ title: accepted ? '已开启微信提醒' : '未开启微信提醒', icon: 'none' });
    });
  };

  return (
    <View className="page inbox">
      <View className="inbox__bar">
        <View className="inbox__tabs">
          {TABS.map((tab) => (
            <Text
              key={tab.label}
              className={tab.unreadOnly === unreadOnly ? 'inbox__tab inbox__tab--active' : 'inbox__tab'}
              onClick={() => setUnreadOnly(tab.unreadOnly)}
            >
              {tab.label}
            </Text>
          ))}
        </View>
        <ActionButton
          className="inbox__read-all"
          size="mini"
          loading={markingAll}
          disabled={markingAll || !hasUnread}
          onClick={() => void readAll()}
        >
          全部已读
        </ActionButton>
      </View>

      {canAskToSubscribe() ? (
        <View className="card inbox__remind">
          <Text className="muted inbox__remind-text">
            开启后，不在小程序里也能通过微信收到通知公告和账号变动提醒
          </Text>
          <Button size="mini" onClick={remind}>
            开启微信提醒
          </Button>
        </View>
      ) : null}

      <View className="card">
        <StateView
          loading={!signedIn || (list.loading && items.length === 0)}
          error={items.length === 0 ? list.error : undefined}
          isEmpty={items.length === 0}
          emptyText={unreadOnly ? '暂无未读消息' : '暂无消息'}
          onRetry={list.reload}
        >
          {items.map((item) => (
            <InboxRow key={item.id} item={item} expanded={expanded === item.id} onOpen={open} />
          ))}
          <ListFooter
            error={list.error}
            loading={list.loading}
            hasMore={list.hasMore}
            onMore={list.loadMore}
          />
        </StateView>
      </View>
    </View>
  );
}
