import { useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { QrImage } from '@/components/qr-image';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { useSession } from '@/stores/session';
import { visitorsApi } from '../../api';
import { useCountdown } from '@/hooks/use-countdown';
import './index.scss';

/** The current code and when (this device's clock, so a skewed clock does not matter) to fetch the next. */
async function fetchEntryCode() {
  const { code, refreshInSeconds } = await visitorsApi.entryCode();
  return { code, deadline: { at: Date.now() + refreshInSeconds * 1000, seconds: refreshInSeconds } };
}

export default function EntryCodePage() {
  const signedIn = useRequireSession();
  const me = useSession((s) => s.me);
  // Hidden, the page neither ticks nor fetches; shown again, it fetches a fresh code at once.
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const { data, error, loading, reload } = useApi(fetchEntryCode, { enabled: signedIn && shown });
  const secondsLeft = useCountdown(data?.deadline, shown && !loading && !error, reload);

  return (
    <View className="page entry-code">
      <StateView loading={!signedIn || (loading && !data)} error={error} onRetry={reload}>
        {data ? (
          <View className="card entry-code__card">
            {me ? (
              <>
                <Text className="entry-code__name">{me.name}</Text>
                <Text className="muted">{me.department?.path ?? '未分配部门'}</Text>
              </>
            ) : null}
            <QrImage className="entry-code__qr" text={data.code} />
            <Text className="entry-code__countdown">
              {loading ? '正在刷新…' : `${secondsLeft} 秒后自动刷新`}
            </Text>
            <Text className="muted">二维码每 30 秒自动刷新，截图无效</Text>
            <Text className="entry-code__text">{data.code}</Text>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
