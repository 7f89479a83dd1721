import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import type { WorkbenchApp } from '@dayuan/shared';
import { AppTile } from '@/components/app-tile';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { useUnreadBadge } from '@/hooks/use-unread-badge';
import { fetchMe } from '@/services/auth';
import { INBOX_PAGE } from '@/services/navigation';
import { showApiError } from '@/services/request';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { dateLine, greetingFor } from './greeting';
import { workbenchTiles } from './workbench-tiles';
import './index.scss';

export default function WorkbenchPage() {
  const signedIn = useRequireSession();
  const storedMe = useSession((s) => s.me);
  const { data, error, loading, reload } = useApi(fetchMe, { enabled: signedIn, refreshOnShow: true });
  // The session's copy shows at once; the fresh one replaces it when it arrives.
  const me = data ?? storedMe;
  const unread = useInbox((s) => s.unread);
  useUnreadBadge();

  const open = (app: WorkbenchApp) => {
    Taro.navigateTo({ url: app.entry }).catch(showApiError);
  };
  const openInbox = () => {
    Taro.switchTab({ url: INBOX_PAGE }).catch(showApiError);
  };

  const now = dayjs();
  const tiles = me ? workbenchTiles(me) : [];
  return (
    <View className="page workbench">
      <StateView loading={!signedIn || (loading && !me)} error={error} onRetry={reload}>
        {me ? (
          <>
            <View className="workbench__hello">
              <Text className="workbench__greeting">
                {greetingFor(now)}，{me.name}
              </Text>
              <Text className="workbench__sub">
                {me.department?.path ?? '未分配部门'} · {dateLine(now)}
              </Text>
            </View>
            <View className="card workbench__inbox" onClick={openInbox}>
              <Text className="workbench__inbox-title">消息中心</Text>
              {unread > 0 ? (
                <Text className="badge">{unread > 99 ? '99+' : unread}</Text>
              ) : (
                <Text className="muted">暂无未读</Text>
              )}
              <Text className="list-item__extra workbench__inbox-arrow">›</Text>
            </View>
            <View className="card">
              <Text className="card__title">我的应用</Text>
              <StateView loading={false} isEmpty={tiles.length === 0} emptyText="暂无可用的应用">
                <View className="workbench__grid">
                  {tiles.map((app) => (
                    <AppTile key={app.slug} app={app} onOpen={open} />
                  ))}
                </View>
              </StateView>
            </View>
          </>
        ) : null}
      </StateView>
    </View>
  );
}
