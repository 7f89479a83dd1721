import { importColumns } from '@dayuan/shared';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/platform/directory/csv.js';
import { planImport } from '../../src/platform/directory/import-plan.js';
import { validateImportRows } from '../../src/platform/directory/import-rows.js';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, CRLF, a BOM and a last line without newline', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n1,,"multi\nline"')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '', 'multi\nline'],
    ]);
  });
});

const known = {
  gateCodes: new Map([
    ['EAST', 'EAST'],
    ['东门', 'EAST'],
  ]),
};
const table = (...rows: string[]) => parseCsv([importColumns.join(','), ...rows].join('\n'));

describe('validateImportRows', () => {
  it('normalises phones, employee numbers, departments and roles', () => {
    const { rows, details } = validateImportRows(
      table('e0001, 王一 ,+86 139-1234-5678,办公厅／秘书处 ,科员,guard:东门；审批人'),
      known,
    );
    expect(details).toEqual([]);
    expect(rows[0]).toEqual({
      line: 2,
      employeeNo: 'E0001',
      name: '王一',
      phone: '13912345678',
      departmentPath: '办公厅/秘书处',
      title: '科员',
      roles: [
        { role: 'guard', gateCodes: ['EAST'] },
        { role: 'approver', departmentPaths: [] },
      ],
    });
  });

  it('gives staff to a row without roles and skips blank lines', () => {
    const { rows } = validateImportRows(table('E1,王一,13912345678,办公厅,,', ',,,,,'), known);
    expect(rows.map((r) => r.roles)).toEqual([[{ role: 'staff' }]]);
  });
});

describe('planImport', () => {
  const row = validateImportRows(table('E1,王一,13912345678,甲/乙/丙,,审批人'), known).rows;
  const state = {
    departmentPaths: new Set(['甲']),
    peopleByEmployeeNo: new Map(),
    phoneOwners: new Map(),
    hashPhone: (p: string) => `h${p}`,
  };

  it('creates missing departments parents first and defaults approvers to their own department', () => {
    const plan = planImport(row, state);
    expect(plan.departmentsToCreate).toEqual(['甲/乙', '甲/乙/丙']);
    expect(plan.creates).toHaveLength(1);
  });

  it('refuses a phone that belongs to another employee', () => {
    const plan = planImport(row, { ...state, phoneOwners: new Map([['h13912345678', 'E9']]) });
    expect(plan.details).toEqual([{ path: 'rows.2.手机号', issue: '已被工号 E9 使用' }]);
  });
});
