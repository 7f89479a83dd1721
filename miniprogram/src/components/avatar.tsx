import { Text, View } from '@tarojs/components';

const PALETTE = ['#1677ff', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#2f54eb', '#d4380d'];

function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#1677ff';
}

interface Props {
  name: string;
  size?: 'small' | 'large';
}

/** The first character of a name in a coloured circle. */
export function Avatar({ name, size = 'small' }: Props) {
  return (
    <View className={`avatar avatar--${size}`} style={{ backgroundColor: colorFor(name) }}>
      <Text className="avatar__text">{Array.from(name)[0] ?? '?'}</Text>
    </View>
  );
}
