import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { InfoRow } from '@/components/info-row';
import { ProfileHead } from '@/components/profile-head';
import { StateView } from '@/components/state-view';
import { TagList } from '@/components/tag-list';
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
          <>
            <ProfileHead name={person.name} subtitle={person.title ?? '未填写职务'} />
            <View className="card">
              <InfoRow label="工号" value={person.employeeNo} />
              <InfoRow label="部门" value={person.department?.path ?? '未分配部门'} />
              <InfoRow label="手机号" value={person.phoneMasked} />
              <InfoRow label="状态" value={person.status === 'active' ? '在职' : '已停用'} />
              <InfoRow label="微信" value={person.wechatBound ? '已绑定' : '未绑定'} />
              <View className="info-row">
                <Text className="info-row__label">角色</Text>
                <TagList tags={person.roleLabels} />
              </View>
            </View>
          </>
        ) : null}
      </StateView>
    </View>
  );
}
