import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { errorMessage } from '@/services/request';
import { guardApi } from '../../guard-api';

interface Props {
  host: PersonSummary | null;
  onPick: (host: PersonSummary | null) => void;
  issue?: string;
}

type Search =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; q: string; items: PersonSummary[] }
  | { state: 'failed'; message: string };

/** 被访人: search the directory by name (or employee number) and pick one person. */
export function HostPicker({ host, onPick, issue }: Props) {
  const [keyword, setKeyword] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  const find = async () => {
    const q = keyword.trim();
    if (q === '') {
      setSearch({ state: 'failed', message: '请输入被访人姓名' });
      return;
    }
    setSearch({ state: 'loading' });
    try {
      const { items } = await guardApi.searchHosts(q);
      setSearch({ state: 'done', q, items });
    } catch (error) {
      setSearch({ state: 'failed', message: errorMessage(error) });
    }
  };

  if (host) {
    return (
      <View className="walk-in__host">
        <View className="list-item__main">
          <Text className="list-item__title">{host.name}</Text>
          <Text className="muted">
            {[host.department?.path, host.title].filter(Boolean).join(' · ') || host.employeeNo}
          </Text>
        </View>
        <Text className="walk-in__link" onClick={() => onPick(null)}>
          更换
        </Text>
      </View>
    );
  }

  return (
    <View>
      <View className="field">
        <Input
          className="field__input"
          placeholder="输入被访人姓名搜索"
          confirmType="search"
          maxlength={30}
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void find()}
        />
        <Button
          className="field__action"
          size="mini"
          loading={search.state === 'loading'}
          onClick={() => void find()}
        >
          搜索
        </Button>
      </View>
      {issue ? <Text className="form-error">{issue}</Text> : null}
      {search.state === 'failed' ? <Text className="form-error">{search.message}</Text> : null}
      {search.state === 'done' && search.items.length === 0 ? (
        <Text className="muted">没有找到“{search.q}”，请核对姓名</Text>
      ) : null}
      {search.state === 'done'
        ? search.items.map((person) => {
            const disabled = person.status === 'disabled';
            return (
              <View
                key={person.id}
                className={`list-item walk-in__candidate${disabled ? ' walk-in__candidate--disabled' : ''}`}
                onClick={() => (disabled ? undefined : onPick(person))}
              >
                <View className="list-item__main">
                  <Text className="list-item__title">
                    {person.name}
                    {disabled ? '（已停用）' : ''}
                  </Text>
                  <Text className="muted">{person.department?.path ?? '未分配部门'}</Text>
                </View>
                {disabled ? null : <Text className="walk-in__link">选择</Text>}
              </View>
            );
          })
        : null}
    </View>
  );
}
