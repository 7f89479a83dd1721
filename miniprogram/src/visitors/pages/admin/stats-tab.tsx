import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { adminApi, type VisitorStats } from '../../admin-api';
import { denialRows, hourBars, originRows, percentLabel, type CountRow } from '../../admin-stats';

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

/** Hours labelled under the bar row. */
const HOUR_TICKS = [0, 6, 12, 18, 23];

/** 统计: visits, no-shows and passages over the last 7, 30 or 90 days. */
export function StatsTab() {
  const [days, setDays] = useState<Period>(30);
  const fetchStats = useCallback(() => adminApi.stats(days), [days]);
  const stats = useApi(fetchStats);
  // A period switch keeps the old figures on screen only until the new ones arrive.
  const data = stats.loading ? undefined : stats.data;

  return (
    <>
      <View className="visitors-admin__periods">
        {PERIODS.map((p) => (
          <Text
            key={p}
            className={`visitors-admin__period${p === days ? ' visitors-admin__period--active' : ''}`}
            onClick={() => setDays(p)}
          >
            近 {p} 天
          </Text>
        ))}
      </View>
      <StateView loading={stats.loading} error={data ? undefined : stats.error} onRetry={stats.reload}>
        {data ? <StatsBody stats={data} /> : null}
      </StateView>
    </>
  );
}

function StatsBody({ stats }: { stats: VisitorStats }) {
  const { totals } = stats;
  const bars = hourBars(stats.entriesByHour);
  const peak = bars.reduce(
    (best, bar) => (bar.count > best.count ? bar : best),
    bars[0] ?? { hour: 0, count: 0 },
  );
  const days = [...stats.byDay].reverse();
  return (
    <>
      <View className="card">
        <Text className="card__title">总览</Text>
        <Text className="muted">
          {stats.from} 至 {stats.to}
        </Text>
        <View className="visitors-admin__totals">
          <Figure label="来访" value={String(totals.visits)} />
          <Figure label="已到访" value={String(totals.arrived)} />
          <Figure label="未到访" value={String(totals.noShows)} />
          <Figure label="已拒绝" value={String(totals.rejected)} />
          <Figure label="爽约率" value={percentLabel(totals.noShowRate)} />
        </View>
        <Text className="muted">爽约率 = 已批准但未到访的来访 ÷ 已批准的来访</Text>
        <Rows title="按来源" rows={originRows(totals.byOrigin)} emptyText="暂无来访" />
      </View>

      <View className="card">
        <Text className="card__title">每日来访</Text>
        <View className="visitors-admin__table">
          <View className="visitors-admin__tr visitors-admin__tr--head">
            <Text className="visitors-admin__td visitors-admin__td--wide">日期</Text>
            <Text className="visitors-admin__td">来访</Text>
            <Text className="visitors-admin__td">到访</Text>
            <Text className="visitors-admin__td">未到访</Text>
          </View>
          {days.map((d) => (
            <View key={d.date} className="visitors-admin__tr">
              <Text className="visitors-admin__td visitors-admin__td--wide">{d.date}</Text>
              <Text className="visitors-admin__td">{d.visits}</Text>
              <Text className="visitors-admin__td">{d.arrived}</Text>
              <Text className="visitors-admin__td">{d.noShows}</Text>
            </View>
          ))}
        </View>
        {days.length === 0 ? <Text className="muted">暂无数据</Text> : null}
      </View>

      <View className="card">
        <Text className="card__title">各门岗通行</Text>
        <View className="visitors-admin__table">
          <View className="visitors-admin__tr visitors-admin__tr--head">
            <Text className="visitors-admin__td visitors-admin__td--wide">门岗</Text>
            <Text className="visitors-admin__td">入园</Text>
            <Text className="visitors-admin__td">拒绝</Text>
          </View>
          {stats.byGate.map((g) => (
            <View key={g.gate} className="visitors-admin__tr">
              <Text className="visitors-admin__td visitors-admin__td--wide">{g.gate}</Text>
              <Text className="visitors-admin__td">{g.entries}</Text>
              <Text className="visitors-admin__td">{g.denials}</Text>
            </View>
          ))}
        </View>
        {stats.byGate.length === 0 ? <Text className="muted">暂无通行记录</Text> : null}
      </View>

      <View className="card">
        <Text className="card__title">分时段入园</Text>
        <Text className="muted">
          {peak.count > 0 ? `高峰：${peak.hour} 时（${peak.count} 人次）` : '暂无入园记录'}
        </Text>
        <View className="visitors-admin__bars">
          {bars.map((bar) => (
            <View key={bar.hour} className="visitors-admin__bar-slot">
              <View className="visitors-admin__bar" style={{ height: `${bar.height}%` }} />
            </View>
          ))}
        </View>
        <View className="visitors-admin__ticks">
          {HOUR_TICKS.map((hour) => (
            <Text key={hour} className="visitors-admin__tick">
              {hour} 时
            </Text>
          ))}
        </View>
      </View>

      <View className="card">
        <Rows title="拒绝原因" rows={denialRows(stats.denialsByReason)} emptyText="期间没有拒绝通行" />
      </View>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className="visitors-admin__figure">
      <Text className="visitors-admin__figure-value">{value}</Text>
      <Text className="muted">{label}</Text>
    </View>
  );
}

function Rows({ title, rows, emptyText }: { title: string; rows: CountRow[]; emptyText: string }) {
  return (
    <View className="visitors-admin__rows">
      <Text className="card__title">{title}</Text>
      {rows.length === 0 ? <Text className="muted">{emptyText}</Text> : null}
      {rows.map((row) => (
        <View key={row.key} className="info-row">
          <Text className="info-row__label">{row.label}</Text>
          <Text className="info-row__value">{row.count}</Text>
        </View>
      ))}
    </View>
  );
}
