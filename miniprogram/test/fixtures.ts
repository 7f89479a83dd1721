import {
  appsForRoles,
  errorTable,
  type ErrorCode,
  type InboxItem,
  type Me,
  type Role,
  type TokenPair,
} from '@dayuan/shared';

export function tokens(n: number): TokenPair {
  return {
    accessToken: `access-token-${n}`,
    accessTokenExpiresAt: '2026-11-21T12:15:00+08:00',
    refreshToken: `refresh-token-${n}-0123456789`,
    refreshTokenExpiresAt: '2026-12-21T12:00:00+08:00',
  };
}

const roleLabelOf: Partial<Record<Role, string>> = { staff: '工作人员', admin: '管理员' };

export function me(roles: Extract<Role, 'staff' | 'admin'>[] = ['staff']): Me {
  return {
    id: '7c0d5a8e-4a8b-4d2e-9f57-3f1f4b1d2a10',
    employeeNo: 'E1001',
    name: '王小明',
    title: '科员',
    department: { id: 'd1', name: '秘书处', path: '办公厅/秘书处' },
    phoneMasked: '138****5678',
    roles: roles.map((role) => ({ role })),
    roleLabels: roles.map((role) => roleLabelOf[role] ?? role),
    status: 'active',
    wechatBound: true,
    apps: appsForRoles(roles).map((app) => app.slug),
  };
}

export const EAST_GATE = { id: '5d7e2c1a-3b4f-4a6e-8c9d-0e1f2a3b4c5d', name: '东门' };
export const NORTH_GATE = { id: '6e8f3d2b-4c5a-4b7f-9d0e-1f2a3b4c5d6e', name: '北门' };

/** A guard (and staff member) at `gates`, labelled the way the server writes it: `门岗（东门、北门）`. */
export function guard(gates: { id: string; name: string }[] = [EAST_GATE]): Me {
  return {
    ...me(['staff']),
    name: '吴海涛',
    roles: [{ role: 'staff' }, { role: 'guard', gateIds: gates.map((g) => g.id) }],
    roleLabels: ['工作人员', `门岗（${gates.map((g) => g.name).join('、')}）`],
    apps: appsForRoles(['staff', 'guard']).map((app) => app.slug),
  };
}

/** The server's error body for `code`. */
export function errorBody(code: ErrorCode, details: { path: string; issue: string }[] = []) {
  const { status, message } = errorTable[code];
  return { statusCode: status, data: { code, message, details } };
}

/** Notification `n` (a newer one for a larger n), unread, linking to the me page. */
export function inboxItem(n: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: `notification-${n}`,
    template: 'directory.roles_changed',
    category: 'account',
    title: `通知 ${n}`,
    body: `第 ${n} 条通知的内容`,
    link: '/pages/me/index',
    urgency: 'normal',
    createdAt: `2026-11-21T09:${String(n).padStart(2, '0')}:00+08:00`,
    readAt: null,
    ...overrides,
  };
}

/** One page of the shared `pageOf` shape. */
export function pageOf<T>(items: T[], total = items.length, page = 1) {
  return { items, total, page, pageSize: 20 };
}
