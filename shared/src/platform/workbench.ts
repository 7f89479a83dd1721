import type { Role } from './roles.js';

export interface WorkbenchApp {
  slug: string;
  title: string;
  /** Short text shown in the tile's badge (WeChat renders no icon fonts without extra assets). */
  glyph: string;
  color: string;
  /** Page path of the subpackage entry. */
  entry: string;
  /** Roles that see the tile; `all` = every signed-in person. */
  roles: readonly Role[] | 'all';
}

/** Every micro-app that exists. A tile is added here only when its subpackage ships. */
export const workbenchApps: readonly WorkbenchApp[] = [
  {
    slug: 'entry-code',
    title: '通行码',
    glyph: '码',
    color: '#52c41a',
    entry: '/visitors/pages/entry-code/index',
    roles: 'all',
  },
  {
    slug: 'visitors',
    title: '访客',
    glyph: '访',
    color: '#2f54eb',
    entry: '/visitors/pages/home/index',
    roles: 'all',
  },
  {
    slug: 'meeting-rooms',
    title: '会议室',
    glyph: '会',
    color: '#13a8a8',
    entry: '/meeting-rooms/pages/home/index',
    roles: 'all',
  },
  {
    slug: 'directory',
    title: '通讯录',
    glyph: '通',
    color: '#1677ff',
    entry: '/directory/pages/people/index',
    roles: 'all',
  },
  {
    slug: 'directory-import',
    title: '人员导入',
    glyph: '导',
    color: '#722ed1',
    entry: '/directory/pages/import/index',
    roles: ['admin'],
  },
  {
    slug: 'announcements',
    title: '发布通知',
    glyph: '告',
    color: '#fa8c16',
    entry: '/notifications/pages/announce/index',
    roles: ['admin'],
  },
  {
    slug: 'deliveries',
    title: '消息投递',
    glyph: '投',
    color: '#13c2c2',
    entry: '/notifications/pages/deliveries/index',
    roles: ['admin'],
  },
  {
    slug: 'guard',
    title: '门岗核验',
    glyph: '岗',
    color: '#f5222d',
    entry: '/visitors/pages/guard/index',
    roles: ['guard'],
  },
  {
    slug: 'visitors-admin',
    title: '访客管理',
    glyph: '管',
    color: '#eb2f96',
    entry: '/visitors/pages/admin/index',
    roles: ['admin'],
  },
];

export function appsForRoles(roles: readonly Role[]): WorkbenchApp[] {
  return workbenchApps.filter((app) => app.roles === 'all' || app.roles.some((r) => roles.includes(r)));
}
