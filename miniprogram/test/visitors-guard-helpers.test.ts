import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { issuesByField } from '@/visitors/field-issues';
import { visitIdOfLink, visitorAlert } from '@/visitors/guard-alerts';
import {
  countByStatus,
  filterVisits,
  manualActions,
  reasonProblem,
  statusFilterOptions,
  visitWindowLabel,
} from '@/visitors/guard-expected';
import { checkWalkIn, defaultUntil, emptyWalkIn } from '@/visitors/walk-in-form';
import { EAST_GATE, inboxItem } from './fixtures';
import { HOST_ID, visit } from './visitors-guard-fixtures';

const at = (time: string) => dayjs(`2026-11-21T${time}:00+08:00`);

describe('expected list helpers', () => {
  const items = [
    visit(1),
    visit(2, { status: 'checked_in' }),
    visit(3, { status: 'checked_in' }),
    visit(4, { status: 'no_show' }),
  ];

  it('counts visits per status and offers the main filters even at zero, others only when present', () => {
    expect(countByStatus(items)).toMatchObject({ approved: 1, checked_in: 2, no_show: 1, pending: 0 });
    expect(statusFilterOptions(items).map((o) => `${o.label} ${o.count}`)).toEqual([
      '全部 4',
      '待到访 1',
      '已到访 2',
      '已离开 0',
      '待审批 0',
      '未到访 1',
    ]);
  });

  it('filters by status but keeps the visits a guard just changed', () => {
    expect(filterVisits(items, 'all')).toHaveLength(4);
    expect(filterVisits(items, 'checked_in').map((v) => v.visitor.name)).toEqual(['访客2', '访客3']);
    expect(filterVisits(items, 'approved', new Set([visit(4).id])).map((v) => v.visitor.name)).toEqual([
      '访客1',
      '访客4',
    ]);
  });

  it('offers a manual check-in while entries remain and nobody is inside, never for a blocked visitor', () => {
    expect(manualActions(visit(1))).toEqual({ canCheckIn: true, canCheckOut: false });
    expect(
      manualActions(visit(1, { status: 'checked_in', inside: true, entries: { used: 1, max: 2 } })),
    ).toEqual({
      canCheckIn: false,
      canCheckOut: true,
    });
    expect(manualActions(visit(1, { status: 'checked_out', entries: { used: 1, max: 2 } })).canCheckIn).toBe(
      true,
    );
    expect(manualActions(visit(1, { status: 'checked_out', entries: { used: 2, max: 2 } })).canCheckIn).toBe(
      false,
    );
    expect(manualActions(visit(1, { blocked: true })).canCheckIn).toBe(false);
    expect(manualActions(visit(1, { status: 'pending' })).canCheckIn).toBe(false);
    expect(manualActions(visit(1, { status: 'cancelled' })).canCheckIn).toBe(false);
  });

  it('wants a reason of 2–100 characters', () => {
    expect(reasonProblem('  好 ')).toBe('请填写原因（至少 2 个字）');
    expect(reasonProblem('手机没电')).toBeNull();
    expect(reasonProblem('字'.repeat(100))).toBeNull();
    expect(reasonProblem('字'.repeat(101))).toBe('原因不能超过 100 个字');
  });

  it('shows a window today by its times and another day with its date, in China Standard Time', () => {
    const window = { windowStart: '2026-11-21T01:00:00Z', windowEnd: '2026-11-21T03:30:00Z' };
    expect(visitWindowLabel(window, at('08:00'))).toBe('09:00–11:30');
    expect(visitWindowLabel(window, dayjs('2026-11-20T12:00:00+08:00'))).toBe('11月21日 09:00–11:30');
    expect(
      visitWindowLabel(
        { windowStart: '2026-11-21T20:00:00+08:00', windowEnd: '2026-11-22T08:00:00+08:00' },
        at('08:00'),
      ),
    ).toBe('20:00–11月22日 08:00');
  });
});

describe('visitor alerts', () => {
  it('reads the visit id from a notification link', () => {
    expect(visitIdOfLink('/visitors/pages/visit/index?id=abc-1')).toBe('abc-1');
    expect(visitIdOfLink('/visitors/pages/visit/index?from=x&id=a%2Fb')).toBe('a/b');
    expect(visitIdOfLink('/visitors/pages/guard/index')).toBeNull();
  });

  it('tells a blocked visitor at a gate from a host’s decision, and ignores other categories', () => {
    const blocked = inboxItem(1, {
      template: 'visitors.blocked_at_gate',
      category: 'visitors',
      title: '禁止来访人员出现',
      body: '张*在东门被拦截',
      link: '/visitors/pages/guard/index',
    });
    expect(visitorAlert(blocked)).toEqual({
      kind: 'blocked',
      id: 'notification-1',
      title: '禁止来访人员出现',
      body: '张*在东门被拦截',
    });

    const decided = (outcome: string) =>
      visitorAlert(
        inboxItem(2, {
          template: 'visitors.visit_decided',
          category: 'visitors',
          title: `张三的来访${outcome}`,
          link: '/visitors/pages/visit/index?id=v-7',
        }),
      );
    expect(decided('已通过')).toMatchObject({ kind: 'decided', visitId: 'v-7', approved: true });
    expect(decided('未通过')).toMatchObject({ kind: 'decided', visitId: 'v-7', approved: false });
    expect(decided('已过期')).toMatchObject({ kind: 'decided', approved: null });

    expect(visitorAlert(inboxItem(3, { template: 'visitors.arrived', category: 'visitors' }))).toMatchObject({
      kind: 'other',
    });
    expect(visitorAlert(inboxItem(4))).toBeNull();
  });
});

describe('walk-in form', () => {
  it('suggests leaving two hours from now, on the half hour, never tomorrow', () => {
    expect(defaultUntil(at('10:00'))).toBe('12:00');
    expect(defaultUntil(at('10:05'))).toBe('12:30');
    expect(defaultUntil(at('21:40'))).toBe('23:59');
    expect(defaultUntil(at('23:10'))).toBe('23:59');
  });

  const filled = {
    ...emptyWalkIn(at('10:00')),
    name: ' 张三 ',
    phone: '+86 139 0000 1111',
    purpose: '送材料',
    plate: '浙a·12345',
    company: '  ',
  };

  it('builds the request the server expects: trimmed, normalised, blanks left out', () => {
    expect(
      checkWalkIn(filled, {
        gateId: EAST_GATE.id,
        hostId: HOST_ID,
        idNumberRequired: false,
        now: at('10:00'),
      }),
    ).toEqual({
      body: {
        gateId: EAST_GATE.id,
        hostId: HOST_ID,
        name: '张三',
        phone: '13900001111',
        purpose: '送材料',
        plate: '浙A12345',
        until: '12:00',
      },
    });
  });

  it('requires a host, an ID number when the zone says so, and a leave-by time still ahead', () => {
    const result = checkWalkIn(filled, {
      gateId: EAST_GATE.id,
      hostId: null,
      idNumberRequired: true,
      now: at('12:30'),
    });
    expect(result).toEqual({
      issues: {
        hostId: '请选择被访人',
        idNumber: '所选区域要求登记身份证号',
        until: '离开时间须晚于现在',
      },
    });
    const badId = checkWalkIn(
      { ...filled, idNumber: '110101199003071234' },
      { gateId: EAST_GATE.id, hostId: HOST_ID, idNumberRequired: true, now: at('10:00') },
    );
    expect(badId).toEqual({ issues: { idNumber: '身份证号不正确' } });
  });
});

describe('issuesByField', () => {
  it('keeps the first problem per field, from the client or the server, and the rest under other', () => {
    expect(
      issuesByField(
        [
          { path: 'body.name', issue: '姓名不能为空' },
          { path: 'name', issue: '第二条' },
          { path: 'body.names.0', issue: '别名过长' },
          { path: 'query.page', issue: '页码不正确' },
        ],
        ['name', 'names'],
      ),
    ).toEqual({ name: '姓名不能为空', names: '别名过长', other: ['页码不正确'] });
  });
});
