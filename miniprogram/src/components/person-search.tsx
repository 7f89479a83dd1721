import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { errorMessage } from '@/services/request';

interface Props {
  /** Who is searched for: `被访人`, `参会人`. */
  role: string;
  search: (q: string) => Promise<{ items: PersonSummary[] }>;
  onPick: (person: PersonSummary) => void;
  /** The label of a person that can be picked (`选择`, `添加`). */
  action: string;
  /** Why an active person cannot be picked (`已添加`), or null. */
  unavailable?: (person: PersonSummary) => string | null;
  /** Class of each result row and of its action label: the page's look. */
  rowClass: string;
  actionClass: string;
  issue?: string;
}

type Search =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; q: string; items: PersonSummary[] }
  | { state: 'failed'; message: string };

/** Search the directory by name (or employee number) and pick a person; disabled people cannot be picked. */
export function PersonSearch({
  role,
  search,
  onPick,
  action,
  unavailable,
  rowClass,
  actionClass,
  issue,
}: Props) {
  const [keyword, setKeyword] = useState('');
  const [result, setResult] = useState<Search>({ state: 'idle' });

  const find = async () => {
    const q = keyword.trim();
    if (q === '') {
      setResult({ state: 'failed', message: `请输入${role}姓名` });
      return;
    }
    setResult({ state: 'loading' });
    try {
      const { items } = await search(q);
      setResult({ state: 'done', q, items });
    } catch (error) {
      setResult({ state: 'failed', message: errorMessage(error) });
    }
  };
  const pick = (person: PersonSummary) => {
    onPick(person);
    setResult({ state: 'idle' });
    setKeyword('');
  };

  return (
    <View>
      <View className="field">
        <Input
          className="field__input"
          placeholder={`输入${role}姓名搜索`}
          confirmType="search"
          maxlength={30}
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void find()}
        />
        <Button
          className="field__action"
          size="mini"
          loading={result.state === 'loading'}
          onClick={() => void find()}
        >
          搜索
        </Button>
      </View>
      {issue ? <Text className="form-error">{issue}</Text> : null}
      {result.state === 'failed' ? <Text className="form-error">{result.message}</Text> : null}
      {result.state === 'done' && result.items.length === 0 ? (
        <Text className="muted">没有找到“{result.q}”，请核对姓名</Text>
      ) : null}
      {result.state === 'done'
        ? result.items.map((person) => {
            const disabled = person.status === 'disabled';
            const why = disabled ? null : (unavailable?.(person) ?? null);
            const pickable = !disabled && why === null;
            return (
              <View
                key={person.id}
                className={`list-item ${rowClass}${pickable ? '' : ` ${rowClass}--disabled`}`}
                onClick={() => (pickable ? pick(person) : undefined)}
              >
                <View className="list-item__main">
                  <Text className="list-item__title">
                    {person.name}
                    {disabled ? '（已停用）' : ''}
                  </Text>
                  <Text className="muted">{person.department?.path ?? '未分配部门'}</Text>
                </View>
                {pickable ? <Text className={actionClass}>{action}</Text> : null}
                {why ? <Text className="muted">{why}</Text> : null}
              </View>
            );
          })
        : null}
    </View>
  );
}
