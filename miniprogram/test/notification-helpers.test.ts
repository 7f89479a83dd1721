import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { departmentOptions } from '@/notifications/department-options';
import { templateLabel } from '@/notifications/delivery-labels';
import { fieldErrors } from '@/notifications/field-errors';
import { mergeInbox } from '@/pages/inbox/merge-items';
import { formatTime } from '@/services/format-time';
import { inboxItem } from './fixtures';

describe('notification helpers', () => {
  it('formatTime: time today, date and time this year, date before', () => {
    const now = dayjs('2026-11-21T15:00:00');
    expect(formatTime(dayjs('2026-11-21T09:05:00').format(), now)).toBe('09:05');
    expect(formatTime(dayjs('2026-03-02T18:30:00').format(), now)).toBe('3月2日 18:30');
    expect(formatTime(dayjs('2025-12-31T08:00:00').format(), now)).toBe('2025年12月31日');
  });

  it('fieldErrors: client and server paths by field, the first per field, the rest under other', () => {
    expect(
      fieldErrors([
        { path: 'title', issue: '标题不能为空' },
        { path: 'body.title', issue: '第二条' },
        { path: 'body.departmentIds.0', issue: '编号格式不正确' },
        { path: 'body.extra', issue: '不允许的字段' },
        { path: 'request', issue: '请求不正确' },
      ]),
    ).toEqual({
      title: '标题不能为空',
      departmentIds: '编号格式不正确',
      other: ['不允许的字段', '请求不正确'],
    });
  });

  it('departmentOptions: tree order with depth', () => {
    const dept = (id: string, parentId: string | null, sortOrder: number) => ({
      id,
      name: id,
      parentId,
      path: id,
      sortOrder,
      memberCount: 0,
    });
    const options = departmentOptions([dept('b', null, 2), dept('a1', 'a', 1), dept('a', null, 1)]);
    expect(options.map((o) => `${o.department.id}:${o.depth}`)).toEqual(['a:0', 'a1:1', 'b:0']);
  });

  it('templateLabel: the category of a known template, else the key', () => {
    expect(templateLabel('directory.roles_changed')).toBe('账号与权限');
    expect(templateLabel('visitors.arrived')).toBe('访客');
    expect(templateLabel('canteen.order_ready')).toBe('canteen.order_ready');
  });

  it('mergeInbox: pushed first, each notification once, local copies win', () => {
    const read = { ...inboxItem(1), readAt: '2026-11-21T10:00:00+08:00' };
    const merged = mergeInbox([inboxItem(3), inboxItem(2)], [inboxItem(2), inboxItem(1)], {
      [read.id]: read,
    });
    expect(merged.map((i) => i.id)).toEqual(['notification-3', 'notification-2', 'notification-1']);
    expect(merged[2]?.readAt).toBe(read.readAt);
  });
});
