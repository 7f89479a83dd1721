import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { VisitorPass } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useGuestSession } from '@/stores/guest-session';
import { visitorApi } from '../api';
import { PassCard } from './pass-card';

type Passes = Awaited<ReturnType<typeof visitorApi.myPasses>>;

/** The signed-in guest's passes, current and upcoming first (the server's order). */
export function PassList() {
  const phoneMasked = useGuestSession((s) => s.session?.phoneMasked);
  const { data, error, loading, reload } = useApi(visitorApi.myPasses, { refreshOnShow: true });
  // A pass the visitor just completed, until the next load brings the server's copy.
  const [changed, setChanged] = useState<{ from?: Passes; byId: Record<string, VisitorPass> }>({ byId: {} });
  const byId = changed.from === data ? changed.byId : {};
  const passes = data?.items.map((p) => byId[p.id] ?? p);

  const onChanged = (pass: VisitorPass) => setChanged({ from: data, byId: { ...byId, [pass.id]: pass } });
  const onStale = useCallback(() => void reload(), [reload]);

  return (
    <View className="pass-list">
      <View className="pass-list__who">
        <Text className="muted">已验证手机号 {phoneMasked}</Text>
        <Text className="pass-list__switch" onClick={() => useGuestSession.getState().clear()}>
          更换手机号
        </Text>
      </View>
      <StateView
        loading={loading && !data}
        error={data ? undefined : error}
        isEmpty={passes?.length === 0}
        emptyText="暂无来访通行证：被访人邀请您或批准您的预约后，通行证会显示在这里"
        onRetry={reload}
      >
        {passes?.map((pass) => (
          <PassCard key={pass.id} pass={pass} onChanged={onChanged} onStale={onStale} />
        ))}
      </StateView>
    </View>
  );
}
