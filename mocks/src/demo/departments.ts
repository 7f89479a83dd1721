import type { DemoDepartment } from './types.js';

const tree: { key: string; name: string; children?: { key: string; name: string }[] }[] = [
  {
    key: 'office',
    name: '办公厅',
    children: [
      { key: 'office-secretariat', name: '秘书处' },
      { key: 'office-general', name: '综合处' },
    ],
  },
  {
    key: 'affairs',
    name: '机关事务管理局',
    children: [
      { key: 'affairs-admin', name: '行政处' },
      { key: 'affairs-fleet', name: '车队' },
      { key: 'affairs-logistics', name: '后勤服务中心' },
      { key: 'affairs-security', name: '保卫处' },
    ],
  },
  { key: 'ndrc', name: '发展改革委' },
  { key: 'finance', name: '财政局' },
  { key: 'hrss', name: '人力资源和社会保障局' },
  { key: 'info-center', name: '信息中心' },
];

export const demoDepartments: DemoDepartment[] = tree.flatMap((top, topIndex) => [
  { key: top.key, name: top.name, parentKey: null, sortOrder: (topIndex + 1) * 10 },
  ...(top.children ?? []).map((child, childIndex) => ({
    key: child.key,
    name: child.name,
    parentKey: top.key,
    sortOrder: childIndex + 1,
  })),
]);
