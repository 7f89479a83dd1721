import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasRole, type Delivery } from '@dayuan/shared';
import { ActionButton } from '@/components/action-button';
import { InfoRow } from '@/components/info-row';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { formatTime } from '@/services/format-time';
import { showApiError } from '@/services/request';
import { useSession } from '@/stores/session';
import { notificationsApi } from '../../api';
import { channelLabels, statusLabels, templateLabel } from '../../delivery-labels';
import './index.scss';

const PAGE_SIZE = 20;

export default function DeliveriesPage() {
  const signedIn = useRequireSession();
  const isAdmin = useSession((s) => (s.me ? hasRole(s.me.roles, 'admin') : false));
  const fetchPage = useCallback(
    (page: number) => notificationsApi.deadLetters({ page, pageSize: PAGE_SIZE }),
    [],
  );
  const list = usePagedApi(fetchPage, { enabled: signedIn && isAdmin });
  /** Deliveries sent again from here, as the server answered. */
  const [retried, setRetried] = useState<Record<string, Delivery>>({});
  const [busyId, setBusyId] = useState<string | null>(null);

  const retry = async (delivery: Delivery) => {
    setBusyId(delivery.id);
    try {
      const fresh = await notificationsApi.retry(delivery.id);
      setRetried((r) => ({ ...r, [delivery.id]: fresh }));
      void Taro.showToast({ title: '已重新发送', icon: 'success' });
    } catch (error) {
      showApiError(error);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <View className="page deliveries">
      <StateView loading={!signedIn} isEmpty={!isAdmin} emptyText="仅管理员可以查看消息投递">
        <View className="card">
          <Text className="card__title">发送失败的消息（共 {list.total} 条）</Text>
          <StateView
            loading={list.loading && list.items.length === 0}
            error={list.items.length === 0 ? list.error : undefined}
            isEmpty={list.items.length === 0}
            emptyText="暂无发送失败的消息"
            onRetry={list.reload}
          >
            {list.items.map((item) => {
              const delivery = retried[item.id] ?? item;
              const isRetried = delivery.status !== 'dead';
              return (
                <View key={item.id} className="delivery">
                  <View className="delivery__head">
                    <Text className="list-item__title">{delivery.recipient}</Text>
                    <Text className="tag">{channelLabels[delivery.channel]}</Text>
                  </View>
                  <InfoRow label="状态" value={statusLabels[delivery.status]} />
                  <InfoRow label="类别" value={templateLabel(delivery.template)} />
                  <InfoRow label="尝试次数" value={String(delivery.attempts)} />
                  <InfoRow label="失败原因" value={delivery.lastError ?? '无'} />
                  <InfoRow label="创建时间" value={formatTime(delivery.createdAt)} />
                  <ActionButton
                    className="button delivery__retry"
                    type="default"
                    loading={busyId === item.id}
                    disabled={busyId !== null || isRetried}
                    onClick={() => void retry(item)}
                  >
                    {isRetried ? '已重新发送' : '重新发送'}
                  </ActionButton>
                </View>
              );
            })}
            <ListFooter
              error={list.error}
              loading={list.loading}
              hasMore={list.hasMore}
              onMore={list.loadMore}
            />
          </StateView>
        </View>
      </StateView>
    </View>
  );
}
