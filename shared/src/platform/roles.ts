import { z } from 'zod';

export const Role = z.enum([
  'staff',
  'approver',
  'admin',
  'guard',
  'canteen_staff',
  'driver',
  'fleet_manager',
  'technician',
  'meeting_service',
]);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  staff: '工作人员',
  approver: '审批人',
  admin: '管理员',
  guard: '门岗',
  canteen_staff: '食堂人员',
  driver: '驾驶员',
  fleet_manager: '车队管理员',
  technician: '维修技师',
  meeting_service: '会务服务',
};

export const TechnicianSkill = z.enum(['electrical', 'plumbing', 'hvac', 'network', 'carpentry', 'general']);
export type TechnicianSkill = z.infer<typeof TechnicianSkill>;

export const skillLabels: Record<TechnicianSkill, string> = {
  electrical: '电工',
  plumbing: '水暖',
  hvac: '空调',
  network: '网络',
  carpentry: '木工',
  general: '综合维修',
};

const idList = z.array(z.string().uuid()).min(1).max(50);

/** A role held by a person, with its scope where the role has one. */
export const RoleGrantSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('approver'), departmentIds: idList }),
  z.strictObject({ role: z.literal('guard'), gateIds: idList }),
  z.strictObject({ role: z.literal('technician'), skills: z.array(TechnicianSkill).min(1) }),
  z.strictObject({
    role: z.enum(['staff', 'admin', 'canteen_staff', 'driver', 'fleet_manager', 'meeting_service']),
  }),
]);
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export function hasRole(grants: readonly RoleGrant[], role: Role): boolean {
  return grants.some((g) => g.role === role);
}

/** True when the grants let their holder approve for `departmentId`. */
export function approvesFor(grants: readonly RoleGrant[], departmentId: string): boolean {
  return grants.some((g) => g.role === 'approver' && g.departmentIds.includes(departmentId));
}

/** True when the grants let their holder work at `gateId`. */
export function guardsGate(grants: readonly RoleGrant[], gateId: string): boolean {
  return grants.some((g) => g.role === 'guard' && g.gateIds.includes(gateId));
}

export function describeGrant(
  grant: RoleGrant,
  names: { departments?: Map<string, string>; gates?: Map<string, string> } = {},
): string {
  const label = roleLabels[grant.role];
  switch (grant.role) {
    case 'approver':
      return `${label}（${grant.departmentIds.map((id) => names.departments?.get(id) ?? '部门').join('、')}）`;
    case 'guard':
      return `${label}（${grant.gateIds.map((id) => names.gates?.get(id) ?? '门岗').join('、')}）`;
    case 'technician':
      return `${label}（${grant.skills.map((s) => skillLabels[s]).join('、')}）`;
    default:
      return label;
  }
}
