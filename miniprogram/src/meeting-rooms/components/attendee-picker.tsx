import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { PersonSummary } from '@dayuan/shared';
import { errorMessage } from '@/services/request';
import { meetingRoomsApi } from '../api';
import type { Attendee } from '../booking-form';

interface Props {
  attendees: Attendee[];
  onChange: (attendees: Attendee[]) => void;
  /** People who cannot be picked (the organizer). */
  excludeIds?: string[];
  issue?: string;
}

type Search =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; q: string; items: PersonSummary[] }
  | { state: 'failed'; message: string };

/** 参会人: search the directory by name (or employee number) and add people; each can be removed. */
export function AttendeePicker({ attendees, onChange, excludeIds = [], issue }: Props) {
  const [keyword, setKeyword] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });

  const find = async () => {
    const q = keyword.trim();
    if (q === '') {
      setSearch({ state: 'failed', message: '请输入参会人姓名' });
      return;
    }
    setSearch({ state: 'loading' });
    try {
      const { items } = await meetingRoomsApi.searchPeople(q);
      setSearch({ state: 'done', q, items });
    } catch (error) {
      setSearch({ state: 'failed', message: errorMessage(error) });
    }
  };
  const picked = new Set(attendees.map((a) => a.id));
  const add = (person: PersonSummary) => {
    onChange([...attendees, { id: person.id, name: person.name }]);
    setSearch({ state: 'idle' });
    setKeyword('');
  };

  return (
    <View className="mr-attendees">
      {attendees.length > 0 ? (
        <View className="chips">
          {attendees.map((a) => (
            <Text
              key={a.id}
              className="chip chip--active mr-attendee"
              onClick={() => onChange(attendees.filter((x) => x.id !== a.id))}
            >
              {a.name} ✕
            </Text>
          ))}
        </View>
      ) : null}
      <View className="field">
        <Input
          className="field__input"
          placeholder="输入参会人姓名搜索"
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
            const disabled =
              person.status === 'disabled' || picked.has(person.id) || excludeIds.includes(person.id);
            return (
              <View
                key={person.id}
                className="list-item mr-candidate"
                onClick={() => (disabled ? undefined : add(person))}
              >
                <View className="list-item__main">
                  <Text className="list-item__title">
                    {person.name}
                    {person.status === 'disabled' ? '（已停用）' : ''}
                  </Text>
                  <Text className="muted">{person.department?.path ?? '未分配部门'}</Text>
                </View>
                {disabled ? <Text className="muted">已添加</Text> : <Text className="mr-link">添加</Text>}
              </View>
            );
          })
        : null}
    </View>
  );
}
