import { useCallback, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { InfoRow } from '@/components/info-row';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { meetingRoomsApi } from '../../api';
import { percent } from '../../status';
import { addDays, formatDuration, shanghaiToday } from '../../time';
import './index.scss';

/** Bars wider than this ratio of no-shows are drawn in the warning colour. */
const NO_SHOW_WARN = 0.2;

export default function StatsPage() {
  const signedIn = useRequireSession();
  const [to, setTo] = useState(shanghaiToday);
  const [from, setFrom] = useState(() => addDays(shanghaiToday(), -29));
  const stats = useApi(
    useCallback(() => meetingRoomsApi.stats({ from, to }), [from, to]),
    { enabled: signedIn },
  );
  const s = stats.data;

  return (
    <View className="page mr-stats">
      <View className="card">
        <View className="mr-times">
          <Picker
            className="mr-picker"
            mode="date"
            value={from}
            end={to}
            onChange={(e) => setFrom(e.detail.value)}
          >
            <View className="field">
              <Text className="mr-picker-value">{from}</Text>
            </View>
          </Picker>
          <Text className="mr-dash">至</Text>
          <Picker
            className="mr-picker"
            mode="date"
            value={to}
            start={from}
            onChange={(e) => setTo(e.detail.value)}
          >
            <View className="field">
              <Text className="mr-picker-value">{to}</Text>
            </View>
          </Picker>
        </View>
      </View>
      <StateView
        loading={stats.loading && !s}
        error={stats.error}
        isEmpty={s?.rooms.length === 0}
        emptyText="暂无会议室"
        onRetry={stats.reload}
      >
        {s ? (
          <View>
            <View className="card mr-stats__total">
              <Text className="card__title">合计</Text>
              <InfoRow label="使用率" value={percent(s.total.utilisation)} />
              <InfoRow label="使用时长" value={formatDuration(s.total.usedMinutes)} />
              <InfoRow label="预订" value={`${s.total.bookings} 次`} />
              <InfoRow label="未签到" value={`${s.total.noShows} 次（${percent(s.total.noShowRate)}）`} />
            </View>
            <View className="card">
              <Text className="card__title">各会议室</Text>
              {s.rooms.map((r) => (
                <View key={r.room.id} className="mr-stats__room">
                  <Text className="list-item__title">
                    {r.room.building} · {r.room.name}
                  </Text>
                  <Text className="muted">
                    使用率 {percent(r.utilisation)} · 预订 {r.bookings} 次 · 未签到 {r.noShows} 次（
                    {percent(r.noShowRate)}）
                  </Text>
                  <View className="mr-stats__bar-row">
                    <Text className="mr-stats__bar-label">使用率</Text>
                    <View className="mr-bar">
                      <View className="mr-bar__fill" style={{ width: percent(Math.min(1, r.utilisation)) }} />
                    </View>
                  </View>
                  <View className="mr-stats__bar-row">
                    <Text className="mr-stats__bar-label">未签到率</Text>
                    <View className="mr-bar">
                      <View
                        className={`mr-bar__fill${r.noShowRate > NO_SHOW_WARN ? ' mr-bar__fill--warn' : ''}`}
                        style={{ width: percent(Math.min(1, r.noShowRate)) }}
                      />
                    </View>
                  </View>
                </View>
              ))}
            </View>
          </View>
        ) : null}
      </StateView>
    </View>
  );
}
