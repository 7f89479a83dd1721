import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';

interface PagedState<T> {
  items: T[];
  total: number;
  page: number;
  loading: boolean;
  error?: unknown;
}

interface Options {
  /** False skips loading (e.g. until signed in). */
  enabled?: boolean;
}

/**
 * A paged list (the shared `pageOf` shape): page 1 on mount and whenever `fetchPage` changes,
 * the next page on reach-bottom or `loadMore`, page 1 again on pull-down.
 */
export function usePagedApi<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; total: number }>,
  { enabled = true }: Options = {},
) {
  const [state, setState] = useState<PagedState<T>>({ items: [], total: 0, page: 0, loading: enabled });
  const latest = useRef(0);

  const load = useCallback(
    async (page: number) => {
      const id = ++latest.current;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      try {
        const res = await fetchPage(page);
        if (id !== latest.current) return;
        setState((s) => ({
          items: page === 1 ? res.items : [...s.items, ...res.items],
          total: res.total,
          page,
          loading: false,
        }));
      } catch (error) {
        if (id === latest.current) setState((s) => ({ ...s, error, loading: false }));
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    if (enabled) void load(1);
  }, [enabled, load]);

  const hasMore = state.items.length < state.total;
  const loadMore = () => {
    if (enabled && !state.loading && hasMore) void load(state.page + 1);
  };

  useReachBottom(loadMore);
  usePullDownRefresh(() => {
    if (enabled) void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  return {
    items: state.items,
    total: state.total,
    loading: state.loading,
    error: state.error,
    hasMore,
    loadMore,
    reload: () => load(1),
  };
}
