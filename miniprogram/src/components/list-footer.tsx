import { Button, Text, View } from '@tarojs/components';
import { errorMessage } from '@/services/request';

interface Props {
  /** The last page failed to load. */
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  onMore: () => void;
}

/** Under a paged list: 加载更多, the error of the last page with 重试, or 没有更多了. */
export function ListFooter({ error, loading, hasMore, onMore }: Props) {
  if (error) {
    return (
      <View className="list-footer">
        <Text className="muted">{errorMessage(error)}</Text>
        <Button size="mini" onClick={onMore}>
          重试
        </Button>
      </View>
    );
  }
  return (
    <View className="list-footer">
      {hasMore ? (
        <Button size="mini" loading={loading} onClick={onMore}>
          加载更多
        </Button>
      ) : (
        <Text className="muted">没有更多了</Text>
      )}
    </View>
  );
}
