import { Text, View } from '@tarojs/components';

interface Props {
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  /** What shows between − and ＋, e.g. `连续 3 天`. */
  format?: (value: number) => string;
  disabled?: boolean;
}

/** − value ＋ within [min, max]; a button at its limit is greyed out and does nothing. */
export function NumberStepper({ value, min, max, onChange, format = String, disabled = false }: Props) {
  const step = (delta: number) => {
    const next = value + delta;
    if (!disabled && next >= min && next <= max) onChange(next);
  };
  const buttonClass = (enabled: boolean) =>
    `stepper__button${enabled && !disabled ? '' : ' stepper__button--disabled'}`;
  return (
    <View className="stepper">
      <Text className={buttonClass(value > min)} onClick={() => step(-1)}>
        −
      </Text>
      <Text className="stepper__value">{format(value)}</Text>
      <Text className={buttonClass(value < max)} onClick={() => step(1)}>
        ＋
      </Text>
    </View>
  );
}
