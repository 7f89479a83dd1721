import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Visit } from '@dayuan/shared';
import { StateView } from '@/components/state-view';
import { filterVisits, statusFilterOptions, type StatusFilter } from '../../guard-expected';
import { ExpectedRow } from './expected-row';

interface Props {
  gateId: string;
  /** Today's visits at the gate matching `q`, the guard's own changes applied. */
  items: Visit[] | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** The search the list was loaded with. */
  q: string;
  onSearch: (q: string) => void;
  filter: StatusFilter;
  onFilter: (filter: StatusFilter) => void;
  /** Visits changed here: they stay in view whatever the filter. */
  kept: ReadonlySet<string>;
  onUpdated: (visit: Visit) => void;
}

/** 预约名单: today's expected visitors at the gate, counted and filtered by status, searchable. */
export function ExpectedTab({
  gateId,
  items,
  loading,
  error,
  reload,
  q,
  onSearch,
  filter,
  onFilter,
  kept,
  onUpdated,
}: Props) {
  const [keyword, setKeyword] = useState(q);
  const options = statusFilterOptions(items ?? []);
  const shown = filterVisits(items ?? [], filter, kept);

  const clear = () => {
    setKeyword('');
    onSearch('');
  };

  return (
    <>
      <View className="card">
        <View className="guard__search">
          <Input
            className="guard__search-input"
            placeholder="姓名、手机号或车牌"
            confirmType="search"
            maxlength={30}
            value={keyword}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={() => onSearch(keyword.trim())}
          />
          <Button className="guard__search-button" size="mini" onClick={() => onSearch(keyword.trim())}>
            搜索
          </Button>
        </View>
        {q ? (
          <View className="guard__searching">
            <Text>“{q}”的搜索结果</Text>
            <Text className="guard__link" onClick={clear}>
              清除
            </Text>
          </View>
        ) : null}
        <View className="guard__filters">
          {options.map((option) => (
            <Text
              key={option.value}
              className={`guard__filter${option.value === filter ? ' guard__filter--active' : ''}`}
              onClick={() => onFilter(option.value)}
            >
              {option.label} {option.count}
            </Text>
          ))}
        </View>
      </View>

      <View className="card">
        <StateView
          loading={loading && !items}
          error={items ? undefined : error}
          isEmpty={shown.length === 0}
          emptyText={q ? '没有找到匹配的访客' : '暂无符合条件的访客'}
          onRetry={reload}
        >
          {shown.map((visit) => (
            <ExpectedRow
              key={visit.id}
              visit={visit}
              gateId={gateId}
              onUpdated={onUpdated}
              onStale={() => void reload()}
            />
          ))}
        </StateView>
      </View>
    </>
  );
}
