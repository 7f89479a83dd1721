import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { errorMessage } from '@/services/request';

interface Props {
  loading: boolean;
  error?: unknown;
  isEmpty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** Loading, error (with 重试) and empty states in front of a page's content. */
export function StateView({
  loading,
  error,
  isEmpty = false,
  emptyText = '暂无数据',
  onRetry,
  children,
}: Props) {
  if (error) {
    return (
      <View className="state-view">
        <Text className="state-view__text">{errorMessage(error)}</Text>
        {onRetry ? (
          <Button className="state-view__retry" size="mini" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (loading) {
    return (
      <View className="state-view">
        <Text className="state-view__text">加载中…</Text>
      </View>
    );
  }
  if (isEmpty) {
    return (
      <View className="state-view">
        <Text className="state-view__text">{emptyText}</Text>
      </View>
    );
  }
  return <>{children}</>;
}
