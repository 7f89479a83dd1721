import { Text, View } from '@tarojs/components';
import { visitOriginLabels, visitStatusLabels, type Visit } from '@dayuan/shared';
import { visitWindowLabel } from '../guard-expected';
import './gate-visit-card.scss';

/** The red alert a guard must not miss: the visitor matches the block list. */
export function BlockedAlert() {
  return (
    <View className="blocked-alert">
      <Text className="blocked-alert__title">禁止名单</Text>
      <Text className="blocked-alert__text">该访客在禁止来访名单中，请勿放行，并联系值班领导</Text>
    </View>
  );
}

interface Props {
  visit: Visit;
}

/** A visit as a guard checks it at the gate: who, for whom, when, which car, how many entries. */
export function GateVisitCard({ visit }: Props) {
  const { visitor, host } = visit;
  return (
    <View className="gate-visit">
      <View className="gate-visit__head">
        <Text className="gate-visit__name">{visitor.name}</Text>
        {visit.inside ? <Text className="gate-visit__inside">在院内</Text> : null}
        <Text className={`gate-visit__status gate-visit__status--${visit.status}`}>
          {visitStatusLabels[visit.status]}
        </Text>
      </View>
      {visit.blocked ? <BlockedAlert /> : null}
      <View className="gate-visit__facts">
        <Text className="gate-visit__fact">单位：{visitor.company ?? '未填写'}</Text>
        <Text className="gate-visit__fact">
          被访人：{host.name}
          {host.department ? `（${host.department}）` : ''}
        </Text>
        <Text className="gate-visit__fact">时间：{visitWindowLabel(visit)}</Text>
        <Text className="gate-visit__fact">车牌：{visitor.plate ?? '无'}</Text>
        <Text className="gate-visit__fact">
          入园：{visit.entries.used}/{visit.entries.max} 次
        </Text>
        <Text className="gate-visit__fact">手机：{visitor.phoneMasked}</Text>
        <Text className="gate-visit__fact gate-visit__fact--muted">
          {visitOriginLabels[visit.origin]} · {visit.purpose}
        </Text>
        {!visit.profileComplete && visit.status === 'approved' ? (
          <Text className="gate-visit__fact gate-visit__fact--warn">
            访客信息未完善（未确认告知或缺身份证号）
          </Text>
        ) : null}
        {visit.decisionNote ? (
          <Text className="gate-visit__fact gate-visit__fact--muted">审批意见：{visit.decisionNote}</Text>
        ) : null}
      </View>
    </View>
  );
}
