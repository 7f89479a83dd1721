import { Text } from '@tarojs/components';
import { visitStatusLabels, type VisitStatus } from '@dayuan/shared';
import { statusTones } from '../visit-format';

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  return <Text className={`visit-tag visit-tag--${statusTones[status]}`}>{visitStatusLabels[status]}</Text>;
}

/** The visitor matches the block list. */
export function BlockedTag() {
  return <Text className="visit-tag visit-tag--red visit-tag--solid">禁止名单</Text>;
}
