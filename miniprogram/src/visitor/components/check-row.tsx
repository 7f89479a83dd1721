import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface Props {
  checked: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/** A tappable row with a check box: the same look and behaviour in weapp and H5. */
export function CheckRow({ checked, onToggle, children }: Props) {
  return (
    <View className={`check-row${checked ? ' check-row--checked' : ''}`} onClick={onToggle}>
      <Text className="check-row__box">{checked ? '✓' : ''}</Text>
      <View className="check-row__label">{children}</View>
    </View>
  );
}
