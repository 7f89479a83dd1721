import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { buildDepartmentTree, type PersonSummary } from '@dayuan/shared';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { useApi } from '@/hooks/use-api';
import { usePagedApi } from '@/hooks/use-paged-api';
import { useRequireSession } from '@/hooks/use-require-session';
import { directoryApi } from '../../api';
import { PersonRow } from '../../components/person-row';
import { departmentTrail, findDepartment } from '../../department-nav';
import './index.scss';

const PAGE_SIZE = 20;

export default function PeoplePage() {
  const signedIn = useRequireSession();
  const departments = useApi(directoryApi.departments, { enabled: signedIn });
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [keyword, setKeyword] = useState('');
  const [q, setQ] = useState('');

  // A search covers the whole directory; browsing lists the chosen department.
  const fetchPage = useCallback(
    (page: number) =>
      directoryApi.people({
        page,
        pageSize: PAGE_SIZE,
        q: q || undefined,
        departmentId: q ? undefined : (departmentId ?? undefined),
      }),
    [departmentId, q],
  );
  const people = usePagedApi(fetchPage);

  const items = departments.data?.items;
  const tree = useMemo(() => buildDepartmentTree(items ?? []), [items]);
  const children = departmentId ? (findDepartment(tree, departmentId)?.children ?? []) : tree;
  const trail = departmentId && items ? departmentTrail(items, departmentId) : [];

  const search = () => setQ(keyword.trim());
  const clearSearch = () => {
    setKeyword('');
    setQ('');
  };
  const open = (person: PersonSummary) => {
    void Taro.navigateTo({ url: `/directory/pages/person/index?id=${encodeURIComponent(person.id)}` });
  };

  return (
    <View className="page people">
      <View className="people__search">
        <Input
          className="people__search-input"
          placeholder="搜索姓名或工号"
          confirmType="search"
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={search}
        />
        <Button className="people__search-button" size="mini" onClick={search}>
          搜索
        </Button>
      </View>

      {q ? (
        <View className="people__crumbs">
          <Text>“{q}”的搜索结果</Text>
          <Text className="people__crumb" onClick={clearSearch}>
            清除
          </Text>
        </View>
      ) : (
        <View className="card">
          <View className="people__crumbs">
            <Text className="people__crumb" onClick={() => setDepartmentId(null)}>
              全部部门
            </Text>
            {trail.map((d) => (
              <Text key={d.id} className="people__crumb" onClick={() => setDepartmentId(d.id)}>
                {` / ${d.name}`}
              </Text>
            ))}
          </View>
          <StateView
            loading={departments.loading && !items}
            error={departments.error}
            isEmpty={children.length === 0}
            emptyText={departmentId ? '没有下级部门' : '暂无部门'}
            onRetry={departments.reload}
          >
            {children.map((d) => (
              <View key={d.id} className="list-item" onClick={() => setDepartmentId(d.id)}>
                <View className="list-item__main">
                  <Text className="list-item__title">{d.name}</Text>
                </View>
                <Text className="list-item__extra">{d.memberCount} 人 ›</Text>
              </View>
            ))}
          </StateView>
        </View>
      )}

      <View className="card">
        <Text className="card__title">人员（共 {people.total} 人）</Text>
        <StateView
          loading={people.loading && people.items.length === 0}
          error={people.items.length === 0 ? people.error : undefined}
          isEmpty={people.items.length === 0}
          emptyText={q ? '没有找到匹配的人员' : '该部门暂无人员'}
          onRetry={people.reload}
        >
          {people.items.map((person) => (
            <PersonRow key={person.id} person={person} onOpen={open} />
          ))}
          <ListFooter
            error={people.error}
            loading={people.loading}
            hasMore={people.hasMore}
            onMore={people.loadMore}
          />
        </StateView>
      </View>
    </View>
  );
}
