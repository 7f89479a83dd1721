import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { InfoRow } from '@/components/info-row';
import { ProfileHead } from '@/components/profile-head';
import { StateView } from '@/components/state-view';
import { TagList } from '@/components/tag-list';
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
            <ProfileHead name={me.name} subtitle={me.title ?? '未填写职务'} />
            <View className="card">
              <InfoRow label="工号" value={me.employeeNo} />
              <InfoRow label="部门" value={me.department?.path ?? '未分配部门'} />
              <InfoRow label="手机号" value={me.phoneMasked} />
              <View className="info-row">
                <Text className="info-row__label">角色</Text>
                <TagList tags={me.roleLabels} />
              </View>
            </View>
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
