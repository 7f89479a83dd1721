import type { ErrorDetail } from '@dayuan/shared';
import type { ImportRow, RoleSpec } from './import-rows.js';

export interface ExistingPerson {
  id: string;
  name: string;
  title: string | null;
  departmentPath: string | null;
  phoneHash: string;
  roles: RoleSpec[];
}

export interface ImportState {
  departmentPaths: ReadonlySet<string>;
  peopleByEmployeeNo: ReadonlyMap<string, ExistingPerson>;
  /** phone hash → employee number of the person who holds that phone now. */
  phoneOwners: ReadonlyMap<string, string>;
  hashPhone: (phone: string) => string;
}

export interface ImportPlan {
  details: ErrorDetail[];
  /** Missing departments, parents before children. */
  departmentsToCreate: string[];
  creates: ImportRow[];
  updates: { row: ImportRow; personId: string }[];
  unchanged: number;
}

/** Approvers approve for their own department unless the row names departments. */
export function effectiveRoles(row: ImportRow): RoleSpec[] {
  return row.roles.map((r) =>
    r.role === 'approver' && r.departmentPaths.length === 0
      ? { role: 'approver', departmentPaths: [row.departmentPath] }
      : r,
  );
}

export function rolesKey(specs: readonly RoleSpec[]): string {
  return specs
    .map((s) => {
      if (s.role === 'approver') return `approver:${[...s.departmentPaths].sort().join('|')}`;
      if (s.role === 'guard') return `guard:${[...s.gateCodes].sort().join('|')}`;
      if (s.role === 'technician') return `technician:${[...s.skills].sort().join('|')}`;
      return s.role;
    })
    .sort()
    .join(';');
}

function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** Decides what an import changes; pure, so a dry run and the real run agree. */
export function planImport(rows: readonly ImportRow[], state: ImportState): ImportPlan {
  const details: ErrorDetail[] = [];
  const wanted = new Set<string>();
  for (const row of rows) {
    ancestorsAndSelf(row.departmentPath).forEach((p) => wanted.add(p));
  }
  const departmentsToCreate = [...wanted]
    .filter((p) => !state.departmentPaths.has(p))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const knownAfter = new Set([...state.departmentPaths, ...departmentsToCreate]);

  const creates: ImportRow[] = [];
  const updates: { row: ImportRow; personId: string }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const phoneHash = state.hashPhone(row.phone);
    const owner = state.phoneOwners.get(phoneHash);
    if (owner && owner !== row.employeeNo) {
      details.push({ path: `rows.${row.line}.手机号`, issue: `已被工号 ${owner} 使用` });
      continue;
    }
    const roles = effectiveRoles(row);
    const missing = roles
      .flatMap((r) => (r.role === 'approver' ? r.departmentPaths : []))
      .filter((p) => !knownAfter.has(p));
    if (missing.length > 0) {
      details.push({ path: `rows.${row.line}.角色`, issue: `审批部门不存在：${missing.join('、')}` });
      continue;
    }
    const existing = state.peopleByEmployeeNo.get(row.employeeNo);
    if (!existing) {
      creates.push(row);
    } else if (
      existing.name !== row.name ||
      existing.title !== row.title ||
      existing.departmentPath !== row.departmentPath ||
      existing.phoneHash !== phoneHash ||
      rolesKey(existing.roles) !== rolesKey(roles)
    ) {
      updates.push({ row, personId: existing.id });
    } else {
      unchanged++;
    }
  }
  return { details, departmentsToCreate, creates, updates, unchanged };
}
