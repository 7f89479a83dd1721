import { Text, View } from '@tarojs/components';
import { denyReasonLabels } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import type { ApiState } from '@/hooks/use-api';
import { formatTime } from '@/services/format-time';
import type { Passage } from '../../guard-api';
import { directionLabels, viaLabels } from '../../passage-labels';

interface Props {
  passages: ApiState<{ items: Passage[] }>;
}

/** 通行记录: today's latest passages at the guard's gates, with the guard's reason for hand-made ones. */
export function PassagesTab({ passages }: Props) {
  const items = passages.data?.items;
  return (
    <View className="card">
      <Text className="card__title">今日通行记录</Text>
      <StateView
        loading={passages.loading && !items}
        error={items ? undefined : passages.error}
        isEmpty={items?.length === 0}
        emptyText="今日暂无通行记录"
        onRetry={passages.reload}
      >
        {items?.map((p) => (
          <View key={p.id} className="list-item passage">
            <View className="list-item__main">
              <Text className="list-item__title">{p.display}</Text>
              <Text className="muted">
                {formatTime(p.at)} · {p.gate.name} · {directionLabels[p.direction]} · {viaLabels[p.via]}
              </Text>
              {p.reason ? <Text className="passage__reason">{denyReasonLabels[p.reason]}</Text> : null}
              {p.note ? <Text className="passage__note">备注：{p.note}</Text> : null}
            </View>
            <Text className={`passage__decision passage__decision--${p.decision}`}>
              {p.decision === 'allow' ? '通过' : '拒绝'}
            </Text>
          </View>
        ))}
      </StateView>
    </View>
  );
}
