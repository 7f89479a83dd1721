import { useCallback, useEffect, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { ApiError } from '@/services/request';
import { visitorApi } from '../api';
import { deadlineIn, useCountdown } from '@/hooks/use-countdown';
import { QrCanvas } from './qr-canvas';

interface Props {
  passId: string;
  /** The server says the pass changed (no longer active, profile incomplete): reload the passes. */
  onStale: () => void;
}

const QR_SIZE = 240;
const STALE_PASS_ERRORS: readonly string[] = [
  'VISITORS_PROFILE_INCOMPLETE',
  'VISITORS_PASS_NOT_ACTIVE',
  'VISITORS_PASS_EXPIRED',
  'VISITORS_VISIT_NOT_FOUND',
];

/**
 * The pass's rotating QR code, fetched again when `refreshInSeconds` runs out. Hidden, the page neither
 * ticks nor fetches; shown again, it fetches a fresh code at once. The code is also printed as small
 * text (`data-code`) for people reading it out and for browser tests.
 */
export function PassQr({ passId, onStale }: Props) {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const fetchCode = useCallback(async () => {
    const { code, refreshInSeconds } = await visitorApi.passCode(passId);
    return { code, deadline: deadlineIn(refreshInSeconds) };
  }, [passId]);
  const { data, error, loading, reload } = useApi(fetchCode, { enabled: shown });
  const secondsLeft = useCountdown(data?.deadline, shown && !loading && !error, reload);

  useEffect(() => {
    if (error instanceof ApiError && STALE_PASS_ERRORS.includes(error.code)) onStale();
  }, [error, onStale]);

  return (
    <View className="pass-qr">
      <StateView loading={loading && !data} error={error} onRetry={reload}>
        {data ? (
          <View className="pass-qr__body" data-code={data.code}>
            <QrCanvas canvasId={`pass-qr-${passId}`} text={data.code} size={QR_SIZE} />
            <Text className="pass-qr__countdown">
              {loading ? '正在刷新…' : `${secondsLeft} 秒后自动刷新`}
            </Text>
            <Text className="muted">进出门岗时请出示此码，二维码定时刷新，截图无效</Text>
            <Text className="pass-qr__code">{data.code}</Text>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
