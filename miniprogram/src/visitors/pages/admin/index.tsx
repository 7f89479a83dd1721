import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { hasRole } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useRequireSession } from '@/hooks/use-require-session';
import { useSession } from '@/stores/session';
import { BlockListTab } from './block-list-tab';
import { StatsTab } from './stats-tab';
import { ZonesTab } from './zones-tab';
import './index.scss';

type Tab = 'block-list' | 'stats' | 'zones';

const TABS: readonly { value: Tab; label: string }[] = [
  { value: 'block-list', label: '禁止名单' },
  { value: 'stats', label: '统计' },
  { value: 'zones', label: '通行区域' },
];

/** 访客管理 (admin): the block list, visit and passage figures, and each gate's visitor policy. */
export default function VisitorsAdminPage() {
  const signedIn = useRequireSession();
  const isAdmin = useSession((s) => (s.me ? hasRole(s.me.roles, 'admin') : false));
  const [tab, setTab] = useState<Tab>('block-list');

  return (
    <View className="page visitors-admin">
      <StateView loading={!signedIn} isEmpty={!isAdmin} emptyText="仅管理员可以管理访客">
        <View className="visitors-admin__tabs">
          {TABS.map((t) => (
            <Text
              key={t.value}
              className={`visitors-admin__tab${t.value === tab ? ' visitors-admin__tab--active' : ''}`}
              onClick={() => setTab(t.value)}
            >
              {t.label}
            </Text>
          ))}
        </View>
        {tab === 'block-list' ? <BlockListTab /> : null}
        {tab === 'stats' ? <StatsTab /> : null}
        {tab === 'zones' ? <ZonesTab /> : null}
      </StateView>
    </View>
  );
}
