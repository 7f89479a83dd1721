import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Visit, VisitStatus } from '@dayuan/shared';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { visitorsApi } from '../../api';
import { VisitRow } from '../../components/visit-row';
import { StatusChips } from './status-chips';
import './index.scss';

type Tab = 'mine' | 'approvals';

const PAGE_SIZE = 20;

/** How many visits wait for my decision: the badge on 待我审批. */
const countApprovals = () =>
  visitorsApi.visits({ scope: 'approvals', page: 1, pageSize: 1 }).then((page) => page.total);

export default function VisitorsHomePage() {
  const signedIn = useRequireSession();
  const router = useRouter();
  // A notification about a visit waiting for me links to `?tab=approvals`.
  const [tab, setTab] = useState<Tab>(router.params.tab === 'approvals' ? 'approvals' : 'mine');
  const [status, setStatus] = useState<VisitStatus | null>(null);

  const fetchPage = useCallback(
    (page: number) =>
      visitorsApi.visits({
        scope: tab,
        status: tab === 'mine' ? (status ?? undefined) : undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [tab, status],
  );
  const visits = usePagedApi(fetchPage, { enabled: signedIn });
  const approvals = useApi(countApprovals, { enabled: signedIn, refreshOnShow: true });

  // Back from a visit (decided, cancelled) or the invite page: the list may have changed.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && signedIn) void visits.reload();
    shown.current = true;
  });

  const open = (visit: Visit) => {
    void Taro.navigateTo({ url: `/visitors/pages/visit/index?id=${encodeURIComponent(visit.id)}` });
  };
  const go = (page: 'invite' | 'booking-link') => {
    void Taro.navigateTo({ url: `/visitors/pages/${page}/index` });
  };

  const pending = approvals.data ?? 0;
  const emptyText =
    tab === 'approvals'
      ? '暂无待我审批的访客'
      : status
        ? '没有该状态的访客'
        : '还没有访客，点击“邀请访客”发出邀请';

  return (
    <View className="page visitors-home">
      <View className="visitors-home__actions">
        <Button className="button button--primary visitors-home__action" onClick={() => go('invite')}>
          邀请访客
        </Button>
        <Button className="button visitors-home__action" onClick={() => go('booking-link')}>
          我的预约码
        </Button>
      </View>

      <View className="visitors-home__tabs">
        <View
          className={`visitors-home__tab${tab === 'mine' ? ' visitors-home__tab--active' : ''}`}
          onClick={() => setTab('mine')}
        >
          <Text>我的访客</Text>
        </View>
        <View
          className={`visitors-home__tab${tab === 'approvals' ? ' visitors-home__tab--active' : ''}`}
          onClick={() => setTab('approvals')}
        >
          <Text>待我审批</Text>
          {pending > 0 ? <Text className="badge visitors-home__badge">{pending}</Text> : null}
        </View>
      </View>

      {tab === 'mine' ? <StatusChips value={status} onChange={setStatus} /> : null}

      <View className="card">
        <StateView
          loading={visits.loading && visits.items.length === 0}
          error={visits.items.length === 0 ? visits.error : undefined}
          isEmpty={visits.items.length === 0}
          emptyText={emptyText}
          onRetry={visits.reload}
        >
          {visits.items.map((visit) => (
            <VisitRow key={visit.id} visit={visit} showHost={tab === 'approvals'} onOpen={open} />
          ))}
          <ListFooter
            error={visits.error}
            loading={visits.loading}
            hasMore={visits.hasMore}
            onMore={visits.loadMore}
          />
        </StateView>
      </View>
    </View>
  );
}
