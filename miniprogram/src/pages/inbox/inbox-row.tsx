import { Text, View } from '@tarojs/components';
import { categoryLabels, type InboxItem } from '@dayuan/shared';
import { formatTime } from '@/services/format-time';

interface Props {
  item: InboxItem;
  /** Shows the whole body instead of its first lines. */
  expanded: boolean;
  onOpen: (item: InboxItem) => void;
}

/** One notification: unread dot, title, time, the start of the body, urgency and category. */
export function InboxRow({ item, expanded, onOpen }: Props) {
  const unread = item.readAt === null;
  return (
    <View className={unread ? 'inbox-row inbox-row--unread' : 'inbox-row'} onClick={() => onOpen(item)}>
      <View className="inbox-row__dot" />
      <View className="list-item__main">
        <View className="inbox-row__head">
          <Text className="inbox-row__title">{item.title}</Text>
          <Text className="list-item__extra">{formatTime(item.createdAt)}</Text>
        </View>
        <Text className={expanded ? 'inbox-row__body' : 'inbox-row__body inbox-row__body--clamped'}>
          {item.body}
        </Text>
        <View className="inbox-row__meta">
          {item.urgency === 'urgent' ? <Text className="inbox-row__urgent">紧急</Text> : null}
          <Text className="muted">{categoryLabels[item.category]}</Text>
        </View>
      </View>
    </View>
  );
}
