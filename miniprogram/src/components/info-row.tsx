import { Text, View } from '@tarojs/components';

interface Props {
  label: string;
  value: string;
}

/** A label and its value on one line of a card. */
export function InfoRow({ label, value }: Props) {
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}
