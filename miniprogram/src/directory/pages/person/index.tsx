import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { InfoRow } from '@/components/info-row';
import { PersonCard } from '@/components/person-card';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { directoryApi } from '../../api';

export default function PersonPage() {
  const signedIn = useRequireSession();
  const id = useRouter().params.id ?? '';
  const fetchPerson = useCallback(() => directoryApi.person(id), [id]);
  const { data: person, error, loading, reload } = useApi(fetchPerson, { enabled: signedIn && id !== '' });

  return (
    <View className="page person">
      <StateView
        loading={loading}
        error={error}
        isEmpty={!person}
        emptyText="未指定要查看的人员"
        onRetry={reload}
      >
        {person ? (
          <PersonCard person={person}>
            <InfoRow label="状态" value={person.status === 'active' ? '在职' : '已停用'} />
            <InfoRow label="微信" value={person.wechatBound ? '已绑定' : '未绑定'} />
          </PersonCard>
        ) : null}
      </StateView>
    </View>
  );
}
