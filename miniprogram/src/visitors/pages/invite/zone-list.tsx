import { Text, View } from '@tarojs/components';
import type { Zone } from '@dayuan/shared';

interface Props {
  zones: readonly Zone[];
  selected: readonly string[];
  onToggle: (id: string) => void;
}

/** The gates a pass opens, each with what its policy asks of the visit. */
export function ZoneList({ zones, selected, onToggle }: Props) {
  return (
    <>
      {zones.map((zone) => {
        const checked = selected.includes(zone.id);
        return (
          <View key={zone.id} className="list-item" onClick={() => onToggle(zone.id)}>
            <Text className={`invite__check${checked ? ' invite__check--on' : ''}`}>
              {checked ? '✓' : ''}
            </Text>
            <View className="list-item__main">
              <Text className="list-item__title">{zone.name}</Text>
              {zone.idNumberRequired || zone.approverRequired ? (
                <View className="invite__policy">
                  {zone.idNumberRequired ? (
                    <Text className="visit-tag visit-tag--orange">需登记身份证</Text>
                  ) : null}
                  {zone.approverRequired ? (
                    <Text className="visit-tag visit-tag--orange">需部门审批</Text>
                  ) : null}
                </View>
              ) : null}
            </View>
          </View>
        );
      })}
    </>
  );
}
