import { Button, Text, View } from '@tarojs/components';
import { visitOriginLabels, type Visit } from '@dayuan/shared';
import { InfoRow } from '@/components/info-row';
import { BlockedTag, VisitStatusTag } from '../../components/visit-tags';
import { formatMoment, formatWindow, gateNames } from '../../visit-format';

export interface PersonalData {
  phone: string;
  idNumber: string | null;
}

interface Props {
  visit: Visit;
  /** The full phone and ID number, once read (and recorded). */
  personal: PersonalData | null;
  revealing: boolean;
  onReveal: () => void;
}

const awaitingLabels: Record<NonNullable<Visit['awaiting']>, string> = {
  host: '等待被访人审批',
  approver: '等待部门审批',
};

/** Everything about one visit a host or an approver may see. */
export function VisitDetails({ visit, personal, revealing, onReveal }: Props) {
  const { visitor, host, entries } = visit;
  const idNumber = personal ? personal.idNumber : visitor.idNumberMasked;
  return (
    <>
      <View className="card">
        <View className="visit-row__head">
          <Text className="visit__name">{visitor.name}</Text>
          {visit.blocked ? <BlockedTag /> : null}
          <VisitStatusTag status={visit.status} />
        </View>
        <Text className="muted">{visitOriginLabels[visit.origin]}</Text>
        {visit.blocked ? <Text className="form-error visit__blocked">该访客在禁止来访名单中</Text> : null}
        <InfoRow label="来访时间" value={formatWindow(visit.windowStart, visit.windowEnd)} />
        <InfoRow label="通行区域" value={gateNames(visit.gates)} />
        {visit.status === 'pending' && visit.awaiting ? (
          <InfoRow label="当前环节" value={awaitingLabels[visit.awaiting]} />
        ) : null}
      </View>

      <View className="card">
        <Text className="card__title">访客信息</Text>
        <InfoRow label="手机号" value={personal ? personal.phone : visitor.phoneMasked} />
        <InfoRow label="身份证号" value={idNumber ?? '未登记'} />
        <InfoRow label="单位" value={visitor.company ?? '未填写'} />
        <InfoRow label="车牌号" value={visitor.plate ?? '无'} />
        <InfoRow label="来访资料" value={visit.profileComplete ? '已完善' : '待访客完善'} />
        {personal ? (
          <Text className="muted">完整信息仅供核实身份使用，本次查看已记录。</Text>
        ) : (
          <Button className="button button--plain" size="mini" loading={revealing} onClick={onReveal}>
            查看完整信息
          </Button>
        )}
      </View>

      <View className="card">
        <Text className="card__title">来访安排</Text>
        <InfoRow label="被访人" value={host.department ? `${host.name}（${host.department}）` : host.name} />
        <InfoRow label="来访事由" value={visit.purpose} />
        <InfoRow label="登记时间" value={formatMoment(visit.createdAt)} />
      </View>

      <View className="card">
        <Text className="card__title">通行情况</Text>
        <InfoRow label="已用次数" value={`${entries.used} / ${entries.max} 次`} />
        <InfoRow label="当前" value={visit.inside ? '在院内' : '不在院内'} />
        <InfoRow label="到访时间" value={visit.checkedInAt ? formatMoment(visit.checkedInAt) : '—'} />
        <InfoRow label="离开时间" value={visit.checkedOutAt ? formatMoment(visit.checkedOutAt) : '—'} />
        {visit.decisionNote ? <InfoRow label="审批意见" value={visit.decisionNote} /> : null}
      </View>
    </>
  );
}
