import { Text, View } from '@tarojs/components';
import { visitOriginLabels, type Visit } from '@dayuan/shared';
import { formatWindow, gateNames } from '../visit-format';
import { BlockedTag, VisitStatusTag } from './visit-tags';

interface Props {
  visit: Visit;
  /** On the approvals list the visitor is usually someone else's: name the host. */
  showHost?: boolean;
  onOpen: (visit: Visit) => void;
}

export function VisitRow({ visit, showHost = false, onOpen }: Props) {
  const who = [visit.visitor.company, showHost ? `被访人 ${visit.host.name}` : null].filter(Boolean);
  return (
    <View className="list-item visit-row" onClick={() => onOpen(visit)}>
      <View className="list-item__main">
        <View className="visit-row__head">
          <Text className="list-item__title visit-row__name">{visit.visitor.name}</Text>
          {visit.blocked ? <BlockedTag /> : null}
          <VisitStatusTag status={visit.status} />
        </View>
        {who.length > 0 ? <Text className="muted">{who.join(' · ')}</Text> : null}
        <Text className="visit-row__window">{formatWindow(visit.windowStart, visit.windowEnd)}</Text>
        <Text className="muted">
          {visitOriginLabels[visit.origin]} · {gateNames(visit.gates)}
        </Text>
      </View>
      <Text className="list-item__extra">›</Text>
    </View>
  );
}
