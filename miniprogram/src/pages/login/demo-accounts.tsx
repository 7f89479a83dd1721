import { Text, View } from '@tarojs/components';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { listDemoAccounts, type DemoAccount } from '@/services/auth';

interface Props {
  disabled: boolean;
  onPick: (account: DemoAccount) => void;
}

/** H5 mock mode: the WeChat users the mock knows; tapping one logs in as that user. */
export function DemoAccounts({ disabled, onPick }: Props) {
  const { data, error, loading, reload } = useApi(listDemoAccounts);
  return (
    <View className="card">
      <Text className="card__title">选择演示微信账号</Text>
      <StateView
        loading={loading}
        error={error}
        isEmpty={data?.length === 0}
        emptyText="暂无演示账号"
        onRetry={reload}
      >
        {data?.map((account) => (
          <View
            key={account.openid}
            className="list-item"
            onClick={() => {
              if (!disabled) onPick(account);
            }}
          >
            <View className="list-item__main">
              <Text className="list-item__title">
                {account.name} · {account.employeeNo}
              </Text>
              <Text className="muted">
                {[account.department ?? '未分配部门', ...account.roleLabels].join(' · ')}
              </Text>
            </View>
          </View>
        ))}
      </StateView>
    </View>
  );
}
