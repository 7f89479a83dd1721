import { type RoleGrant, RoleGrantSchema } from '@dayuan/shared';

/** person_roles row → RoleGrant: the scope columns are spread next to the role. */
export function grantFromRow(row: { role: string; scope: unknown }): RoleGrant {
  return RoleGrantSchema.parse({ role: row.role, ...(row.scope as object) });
}

/** RoleGrant → person_roles row values. */
export function rowFromGrant(grant: RoleGrant): { role: string; scope: Record<string, unknown> } {
  const { role, ...scope } = grant;
  return { role, scope };
}
