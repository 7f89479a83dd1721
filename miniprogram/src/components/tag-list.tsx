import { Text, View } from '@tarojs/components';

interface Props {
  tags: readonly string[];
  emptyText?: string;
}

/** Short labels such as role names, wrapped on as many lines as needed. */
export function TagList({ tags, emptyText = '无' }: Props) {
  if (tags.length === 0) return <Text className="muted">{emptyText}</Text>;
  return (
    <View className="tag-list">
      {tags.map((tag) => (
        <Text key={tag} className="tag">
          {tag}
        </Text>
      ))}
    </View>
  );
}
