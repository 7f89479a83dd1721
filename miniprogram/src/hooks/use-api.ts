import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

interface Options {
  /** False skips loading (e.g. until signed in). */
  enabled?: boolean;
  /** Reload each time the page shows again (not on the first show, which the mount already covers). */
  refreshOnShow?: boolean;
}

/**
 * Page data from one async call. Pass a stable `fetcher` (useCallback); a new fetcher reloads.
 * Pull-down refresh reloads on pages that enable it.
 */
export function useApi<T>(
  fetcher: () => Promise<T>,
  { enabled = true, refreshOnShow = false }: Options = {},
) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: enabled });
  const latest = useRef(0);
  const shown = useRef(false);

  const reload = useCallback(async () => {
    const id = ++latest.current;
    setState((s) => ({ data: s.data, loading: true }));
    try {
      const data = await fetcher();
      if (id === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (id === latest.current) setState((s) => ({ data: s.data, error, loading: false }));
    }
  }, [fetcher]);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  useDidShow(() => {
    if (refreshOnShow && enabled && shown.current) void reload();
    shown.current = true;
  });

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data: state.data, error: state.error, loading: state.loading, reload } satisfies ApiState<T>;
}
