import { useState } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { PersonCard } from '@/components/person-card';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { useUnreadBadge } from '@/hooks/use-unread-badge';
import { fetchMe, logout } from '@/services/auth';
import { useSession } from '@/stores/session';
import { NotificationSettings } from './notification-settings';
import './index.scss';

export default function MePage() {
  const signedIn = useRequireSession();
  const storedMe = useSession((s) => s.me);
  const { data, error, loading, reload } = useApi(fetchMe, { enabled: signedIn, refreshOnShow: true });
  const me = data ?? storedMe;
  const [leaving, setLeaving] = useState(false);
  useUnreadBadge();

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } finally {
      setLeaving(false);
    }
  };

  return (
    <View className="page me">
      <StateView
        loading={!signedIn || (loading && !me)}
        error={error}
        isEmpty={!me}
        emptyText="暂无个人信息"
        onRetry={reload}
      >
        {me ? (
          <>
            <PersonCard person={me} />
            <NotificationSettings />
          </>
        ) : null}
      </StateView>
      {signedIn ? (
        <View className="me__actions">
          <ActionButton
            className="button button--danger"
            loading={leaving}
            disabled={leaving}
            onClick={signOut}
          >
            退出登录
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
