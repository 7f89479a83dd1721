import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, type Department } from '@dayuan/shared';
import { departmentTrail, findDepartment } from '../src/directory/department-nav';
import { describeProblem, describeProblemPath } from '../src/directory/import-problems';

const dept = (id: string, name: string, parentId: string | null, path: string): Department => ({
  id,
  name,
  parentId,
  path,
  sortOrder: 0,
  memberCount: 1,
});
const items = [
  dept('a', '办公厅', null, '办公厅'),
  dept('b', '秘书处', 'a', '办公厅/秘书处'),
  dept('c', '文电科', 'b', '办公厅/秘书处/文电科'),
  dept('d', '机关事务局', null, '机关事务局'),
];

describe('department navigation', () => {
  it('finds a nested department and the trail down to it', () => {
    const tree = buildDepartmentTree(items);
    expect(findDepartment(tree, 'c')?.name).toBe('文电科');
    expect(findDepartment(tree, 'zz')).toBeUndefined();
    expect(departmentTrail(items, 'c').map((d) => d.name)).toEqual(['办公厅', '秘书处', '文电科']);
  });
});

describe('import problems', () => {
  it('names the row and column of a CSV problem', () => {
    expect(describeProblemPath('rows.5.手机号')).toBe('第 5 行 · 手机号');
    expect(describeProblemPath('rows.12')).toBe('第 12 行');
    expect(describeProblemPath('body.csv')).toBe('body.csv');
    expect(describeProblem({ path: 'rows.5.手机号', issue: '手机号格式不正确' })).toBe(
      '第 5 行 · 手机号：手机号格式不正确',
    );
  });
});
