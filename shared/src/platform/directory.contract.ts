import { z } from 'zod';
import { route } from '../common/route.js';
import { PageQuerySchema, pageOf } from '../common/page.js';
import { IdSchema } from '../common/schemas.js';
import { RoleGrantSchema } from './roles.js';

export const DepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  /** Full path from the root, `办公厅/秘书处`. */
  path: z.string(),
  sortOrder: z.number().int(),
  memberCount: z.number().int().min(0),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const PersonStatus = z.enum(['active', 'disabled']);

export const PersonSummarySchema = z.object({
  id: z.string(),
  employeeNo: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  department: z.object({ id: z.string(), name: z.string(), path: z.string() }).nullable(),
  /** Always masked (`138****5678`); the full number never leaves the server in this shape. */
  phoneMasked: z.string(),
  roles: z.array(RoleGrantSchema),
  /** Human-readable role names with their scopes, `审批人（秘书处）`. */
  roleLabels: z.array(z.string()),
  status: PersonStatus,
  wechatBound: z.boolean(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PeopleQuerySchema = PageQuerySchema.extend({
  departmentId: IdSchema.optional(),
  /** Name or employee number, prefix match. */
  q: z.string().trim().max(30).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

export const SetRolesBodySchema = z.strictObject({
  roles: z.array(RoleGrantSchema).max(20),
});
export type SetRolesBody = z.infer<typeof SetRolesBodySchema>;

/** CSV columns, in order. The header row must carry exactly these names. */
export const importColumns = ['工号', '姓名', '手机号', '部门', '职务', '角色'] as const;

export const ImportBodySchema = z.strictObject({
  csv: z.string().min(1, { message: '文件内容为空' }).max(1_000_000, { message: '文件不能超过 1 MB' }),
  /** Validate and report what would change, without writing anything. */
  dryRun: z.boolean().default(false),
});
export type ImportBody = z.infer<typeof ImportBodySchema>;

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  departmentsCreated: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

const PersonIdParams = z.object({ id: IdSchema });
export { PersonIdParams };

export const directoryRoutes = {
  departments: route({
    method: 'GET',
    path: '/api/directory/departments',
    summary: 'All departments as a flat list (build the tree with buildDepartmentTree)',
    tag: 'directory',
    access: 'user',
    res: z.object({ items: z.array(DepartmentSchema) }),
    errors: [],
  }),
  people: route({
    method: 'GET',
    path: '/api/directory/people',
    summary: 'Search people by department, name or employee number',
    tag: 'directory',
    access: 'user',
    query: PeopleQuerySchema,
    res: pageOf(PersonSummarySchema),
    errors: ['DIRECTORY_DEPARTMENT_NOT_FOUND'],
  }),
  person: route({
    method: 'GET',
    path: '/api/directory/people/:id',
    summary: 'One person',
    tag: 'directory',
    access: 'user',
    res: PersonSummarySchema,
    errors: ['DIRECTORY_PERSON_NOT_FOUND'],
  }),
  setRoles: route({
    method: 'PUT',
    path: '/api/directory/people/:id/roles',
    summary: 'Replace the roles of a person (admin)',
    tag: 'directory',
    access: ['admin'],
    body: SetRolesBodySchema,
    res: PersonSummarySchema,
    errors: [
      'DIRECTORY_PERSON_NOT_FOUND',
      'DIRECTORY_DEPARTMENT_NOT_FOUND',
      'DIRECTORY_GATE_NOT_FOUND',
      'DIRECTORY_LAST_ADMIN',
    ],
  }),
  import: route({
    method: 'POST',
    path: '/api/directory/import',
    summary: 'Import departments and people from CSV (admin); all rows or none',
    tag: 'directory',
    access: ['admin'],
    body: ImportBodySchema,
    res: ImportReportSchema,
    errors: ['DIRECTORY_IMPORT_INVALID', 'DIRECTORY_IMPORT_HEADER_INVALID'],
  }),
};

export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

/** Builds the department tree from the flat list, children sorted by sortOrder then name. */
export function buildDepartmentTree(items: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(items.map((d) => [d.id, { ...d, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
