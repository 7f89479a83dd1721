import { describe, expect, it } from 'vitest';
import {
  appsForRoles,
  approvesFor,
  buildDepartmentTree,
  CnMobileSchema,
  describeGrant,
  EmployeeNoSchema,
  fillPath,
  guardsGate,
  maskPhone,
  normalizeCnMobile,
  RoleGrantSchema,
} from '../src/index.js';

describe('phones', () => {
  it('normalises the ways people write a mainland mobile number', () => {
    for (const input of ['13812345678', '+86 138 1234 5678', '0086-138-1234-5678', '8613812345678']) {
      expect(normalizeCnMobile(input)).toBe('13812345678');
    }
    expect(normalizeCnMobile('12812345678')).toBeNull();
    expect(normalizeCnMobile('1381234567')).toBeNull();
    expect(CnMobileSchema.safeParse('138').error?.issues[0]?.message).toBe('手机号格式不正确');
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('employee numbers', () => {
  it('are trimmed and upper-cased; bad ones get a Chinese message', () => {
    expect(EmployeeNoSchema.parse(' e0001 ')).toBe('E0001');
    expect(EmployeeNoSchema.safeParse('工号1').error?.issues[0]?.message).toMatch(/工号/);
  });
});

describe('roles', () => {
  const dept = '11111111-1111-4111-8111-111111111111';
  const gate = '22222222-2222-4222-8222-222222222222';

  it('accept only the scope their role has', () => {
    expect(RoleGrantSchema.safeParse({ role: 'approver', departmentIds: [dept] }).success).toBe(true);
    expect(RoleGrantSchema.safeParse({ role: 'approver' }).success).toBe(false);
    expect(RoleGrantSchema.safeParse({ role: 'staff', gateIds: [gate] }).success).toBe(false);
    expect(RoleGrantSchema.safeParse({ role: 'technician', skills: ['magic'] }).success).toBe(false);
  });

  it('answer scoped questions', () => {
    const grants = [
      { role: 'approver' as const, departmentIds: [dept] },
      { role: 'guard' as const, gateIds: [gate] },
    ];
    expect(approvesFor(grants, dept)).toBe(true);
    expect(approvesFor(grants, gate)).toBe(false);
    expect(guardsGate(grants, gate)).toBe(true);
    expect(describeGrant(grants[1]!, { gates: new Map([[gate, '东门']]) })).toBe('门岗（东门）');
  });

  it('choose the workbench tiles', () => {
    expect(appsForRoles(['staff']).map((a) => a.slug)).toEqual([
      'entry-code',
      'visitors',
      'meeting-rooms',
      'directory',
    ]);
    expect(appsForRoles(['staff', 'admin']).map((a) => a.slug)).toEqual([
      'entry-code',
      'visitors',
      'meeting-rooms',
      'directory',
      'directory-import',
      'announcements',
      'deliveries',
      'visitors-admin',
    ]);
    expect(appsForRoles(['staff', 'guard']).map((a) => a.slug)).toEqual([
      'entry-code',
      'visitors',
      'meeting-rooms',
      'directory',
      'guard',
    ]);
  });
});

describe('buildDepartmentTree', () => {
  it('nests children under parents, ordered by sortOrder then name', () => {
    const d = (id: string, parentId: string | null, sortOrder: number, name = id) => ({
      id,
      name,
      parentId,
      path: name,
      sortOrder,
      memberCount: 0,
    });
    const tree = buildDepartmentTree([d('b', null, 2), d('a', null, 1), d('a2', 'a', 2), d('a1', 'a', 1)]);
    expect(tree.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0]!.children.map((n) => n.id)).toEqual(['a1', 'a2']);
  });
});

describe('fillPath', () => {
  it('fills and encodes path parameters, and refuses a missing one', () => {
    expect(fillPath('/api/directory/people/:id/roles', { id: 'a b' })).toBe(
      '/api/directory/people/a%20b/roles',
    );
    expect(() => fillPath('/api/directory/people/:id')).toThrow(/id/);
  });
});
