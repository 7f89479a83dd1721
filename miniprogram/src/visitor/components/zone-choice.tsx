import { Text, View } from '@tarojs/components';
import type { Zone } from '@dayuan/shared';
import { CheckRow } from './check-row';

interface Props {
  zones: readonly Zone[];
  chosen: readonly string[];
  onToggle: (id: string) => void;
}

/** The gates the visit is for, each with its policy: some need the ID number, some a second approval. */
export function ZoneChoice({ zones, chosen, onToggle }: Props) {
  return (
    <View className="zone-choice">
      {zones.map((zone) => (
        <CheckRow key={zone.id} checked={chosen.includes(zone.id)} onToggle={() => onToggle(zone.id)}>
          <View className="zone-choice__zone">
            <Text>{zone.name}</Text>
            {zone.idNumberRequired ? <Text className="tag zone-choice__tag">需登记身份证</Text> : null}
            {zone.approverRequired ? <Text className="tag zone-choice__tag">需审批人审批</Text> : null}
          </View>
        </CheckRow>
      ))}
    </View>
  );
}
