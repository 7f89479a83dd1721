import { Text, View } from '@tarojs/components';
import { VisitStatus, visitStatusLabels } from '@dayuan/shared';

interface Props {
  /** Null = every status. */
  value: VisitStatus | null;
  onChange: (status: VisitStatus | null) => void;
}

const CHOICES: readonly (VisitStatus | null)[] = [null, ...VisitStatus.options];

/** Filters my visitors by status. */
export function StatusChips({ value, onChange }: Props) {
  return (
    <View className="chips">
      {CHOICES.map((status) => (
        <Text
          key={status ?? 'all'}
          className={`chip${status === value ? ' chip--active' : ''}`}
          onClick={() => onChange(status)}
        >
          {status ? visitStatusLabels[status] : '全部'}
        </Text>
      ))}
    </View>
  );
}
