import {
  CnMobileSchema,
  type ErrorDetail,
  EmployeeNoSchema,
  importColumns,
  PersonNameSchema,
  Role,
  roleLabels,
  skillLabels,
  TechnicianSkill,
} from '@dayuan/shared';

/** A role as written in the CSV, before gate codes and department paths are resolved to ids. */
export type RoleSpec =
  | { role: 'approver'; departmentPaths: string[] }
  | { role: 'guard'; gateCodes: string[] }
  | { role: 'technician'; skills: TechnicianSkill[] }
  | { role: Exclude<Role, 'approver' | 'guard' | 'technician'> };

export interface ImportRow {
  /** Line in the file (the header is line 1), as the administrator sees it in a spreadsheet. */
  line: number;
  employeeNo: string;
  name: string;
  phone: string;
  departmentPath: string;
  title: string | null;
  roles: RoleSpec[];
}

export interface KnownNames {
  gateCodes: Map<string, string>; // code or name → code
}

const roleByName = new Map<string, Role>([
  ...Role.options.map((r) => [r, r] as const),
  ...Object.entries(roleLabels).map(([r, label]) => [label, r as Role] as const),
]);
const skillByName = new Map<string, TechnicianSkill>([
  ...TechnicianSkill.options.map((s) => [s, s] as const),
  ...Object.entries(skillLabels).map(([s, label]) => [label, s as TechnicianSkill] as const),
]);

export function normalizeDepartmentPath(raw: string): string | null {
  const parts = raw.split(/[/／]/).map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p.length === 0 || p.length > 30)) return null;
  return parts.join('/');
}

/** `staff;approver;guard:east|north;technician:electrical|水暖` (Chinese role and skill names accepted). */
function parseRoles(raw: string, known: KnownNames, issue: (msg: string) => void): RoleSpec[] {
  const specs: RoleSpec[] = [];
  const tokens = raw
    .split(/[;；]/)
    .map((t) => t.trim())
    .filter(Boolean);
  for (const token of tokens) {
    const [namePart, argPart] = token.split(/[:：]/, 2) as [string, string | undefined];
    const role = roleByName.get(namePart.trim());
    const args = (argPart ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean);
    if (!role) {
      issue(`未知角色「${namePart}」`);
      continue;
    }
    if (specs.some((s) => s.role === role)) {
      issue(`角色「${namePart}」重复`);
      continue;
    }
    if (role === 'guard') {
      const codes = args.map((a) => known.gateCodes.get(a));
      if (args.length === 0) issue('门岗角色需写明门岗，如 guard:east');
      else if (codes.some((c) => !c)) {
        issue(`未知门岗「${args.filter((a) => !known.gateCodes.has(a)).join('、')}」`);
      } else specs.push({ role, gateCodes: codes as string[] });
    } else if (role === 'technician') {
      const skills = args.map((a) => skillByName.get(a));
      if (args.length === 0) issue('维修技师角色需写明技能，如 technician:electrical');
      else if (skills.some((s) => !s)) {
        issue(`未知技能「${args.filter((a) => !skillByName.has(a)).join('、')}」`);
      } else specs.push({ role, skills: skills as TechnicianSkill[] });
    } else if (role === 'approver') {
      const paths = args.map(normalizeDepartmentPath);
      if (paths.some((p) => !p)) issue('审批部门路径格式不正确');
      else specs.push({ role, departmentPaths: paths as string[] });
    } else {
      if (args.length > 0) issue(`角色「${namePart}」不需要范围`);
      specs.push({ role });
    }
  }
  return specs.length > 0 ? specs : [{ role: 'staff' }];
}

/** Validates every data row; returns the rows, or every problem found with its `rows.<line>.<column>` path. */
export function validateImportRows(
  table: string[][],
  known: KnownNames,
): { rows: ImportRow[]; details: ErrorDetail[]; headerOk: boolean } {
  const [header, ...data] = table;
  const headerOk =
    !!header &&
    header.length === importColumns.length &&
    header.every((h, i) => h.trim() === importColumns[i]);
  if (!headerOk) {
    return {
      rows: [],
      details: [{ path: 'csv.header', issue: `表头应为：${importColumns.join(',')}` }],
      headerOk,
    };
  }

  const rows: ImportRow[] = [];
  const details: ErrorDetail[] = [];
  const seenEmployeeNo = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  data.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const issue = (column: string, msg: string) =>
      details.push({ path: `rows.${line}.${column}`, issue: msg });
    if (cells.length !== importColumns.length) {
      details.push({
        path: `rows.${line}`,
        issue: `应为 ${importColumns.length} 列，实际 ${cells.length} 列`,
      });
      return;
    }
    const [employeeNoRaw, nameRaw, phoneRaw, departmentRaw, titleRaw, rolesRaw] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const before = details.length;
    const employeeNo = EmployeeNoSchema.safeParse(employeeNoRaw);
    if (!employeeNo.success) issue('工号', employeeNo.error.issues[0]!.message);
    else if (seenEmployeeNo.has(employeeNo.data)) {
      issue('工号', `与第 ${seenEmployeeNo.get(employeeNo.data)} 行重复`);
    } else seenEmployeeNo.set(employeeNo.data, line);
    const name = PersonNameSchema.safeParse(nameRaw);
    if (!name.success) issue('姓名', name.error.issues[0]!.message);
    const phone = CnMobileSchema.safeParse(phoneRaw);
    if (!phone.success) issue('手机号', '手机号格式不正确');
    else if (seenPhone.has(phone.data)) issue('手机号', `与第 ${seenPhone.get(phone.data)} 行重复`);
    else seenPhone.set(phone.data, line);
    const departmentPath = normalizeDepartmentPath(departmentRaw);
    if (!departmentPath) issue('部门', '部门不能为空，层级用 / 分隔，每级不超过 30 字');
    const title = titleRaw.trim();
    if (title.length > 30) issue('职务', '职务不能超过 30 个字');
    const roles = parseRoles(rolesRaw, known, (msg) => issue('角色', msg));
    if (details.length === before) {
      rows.push({
        line,
        employeeNo: employeeNo.data!,
        name: name.data!,
        phone: phone.data!,
        departmentPath: departmentPath!,
        title: title || null,
        roles,
      });
    }
  });
  if (rows.length === 0 && details.length === 0) details.push({ path: 'csv', issue: '文件中没有数据行' });
  return { rows, details, headerOk };
}
