import { describe, expect, it } from 'vitest';
import {
  checkInvite,
  emptyVisitor,
  inviteErrors,
  inviteSummary,
  type InviteDraft,
} from '@/visitors/invite-form';
import { shareMessage } from '@/visitors/pages/booking-link/share-message';
import {
  defaultWindow,
  formatMoment,
  formatWindow,
  gateNames,
  shanghaiToday,
  statusTones,
} from '@/visitors/visit-format';
import { awaitsMe, canCancel, needsApprovalsCheck } from '@/visitors/visit-rules';
import { EAST_GATE, NORTH_GATE } from './fixtures';
import { HOST, OTHER_HOST, visit } from './visitors-host-server';

describe('visit formatting', () => {
  it('shows a window on the compound’s clock, naming the end day only when it differs', () => {
    expect(formatWindow('2026-11-21T01:00:00.000Z', '2026-11-21T03:00:00.000Z')).toBe('11月21日 09:00–11:00');
    expect(formatWindow('2026-11-21T09:00:00+08:00', '2026-11-21T11:30:00+08:00')).toBe(
      '11月21日 09:00–11:30',
    );
    // 23:30 on the 21st to 01:00 on the 22nd in Shanghai, though both are the 21st in UTC
    expect(formatWindow('2026-11-21T15:30:00.000Z', '2026-11-21T17:00:00.000Z')).toBe(
      '11月21日 23:30–11月22日 01:00',
    );
  });

  it('adds the year to moments of another year', () => {
    const now = new Date('2026-11-21T04:00:00.000Z');
    expect(formatMoment('2026-11-21T01:05:00.000Z', now)).toBe('11月21日 09:05');
    expect(formatMoment('2026-01-01T01:00:00+08:00', now)).toBe('1月1日 01:00');
    expect(formatMoment('2025-12-31T15:00:00.000Z', now)).toBe('2025年12月31日 23:00');
  });

  it('lists gate names, and says so when there are none', () => {
    expect(gateNames([EAST_GATE, NORTH_GATE])).toBe('东门、北门');
    expect(gateNames([])).toBe('未指定');
  });

  it('colours what needs someone orange, what is coming blue, refusals red', () => {
    expect(statusTones.pending).toBe('orange');
    expect(statusTones.approved).toBe('blue');
    expect(statusTones.checked_in).toBe('green');
    expect(statusTones.rejected).toBe('red');
    expect(statusTones.cancelled).toBe('grey');
  });

  it('takes today and the default window from Shanghai time', () => {
    // 00:30 UTC on the 21st is 08:30 in Shanghai
    expect(shanghaiToday(new Date('2026-11-21T00:30:00.000Z'))).toBe('2026-11-21');
    expect(shanghaiToday(new Date('2026-11-20T16:30:00.000Z'))).toBe('2026-11-21');
    expect(defaultWindow(new Date('2026-11-21T00:30:00.000Z'))).toEqual({
      date: '2026-11-21',
      startTime: '08:00',
      endTime: '10:00',
    });
    // 22:10 in Shanghai: too late for two hours today
    expect(defaultWindow(new Date('2026-11-21T14:10:00.000Z'))).toEqual({
      date: '2026-11-22',
      startTime: '09:00',
      endTime: '11:00',
    });
    expect(defaultWindow(new Date('2026-11-21T13:59:00.000Z'))).toEqual({
      date: '2026-11-21',
      startTime: '21:00',
      endTime: '23:00',
    });
  });
});

describe('visit rules', () => {
  it('lets the host cancel only before the visitor arrives', () => {
    expect(canCancel(visit(1), HOST.id)).toBe(true);
    expect(canCancel(visit(1, { status: 'pending', awaiting: 'host' }), HOST.id)).toBe(true);
    expect(canCancel(visit(1), OTHER_HOST.id)).toBe(false);
    expect(canCancel(visit(1, { status: 'checked_in', inside: true }), HOST.id)).toBe(false);
    expect(canCancel(visit(1, { status: 'rejected' }), HOST.id)).toBe(false);
  });

  it('knows when a pending visit waits for me', () => {
    const mineFirst = visit(1, { status: 'pending', awaiting: 'host' });
    const forApprover = visit(2, { status: 'pending', awaiting: 'approver', host: OTHER_HOST });
    expect(awaitsMe(mineFirst, HOST.id, false)).toBe(true);
    expect(awaitsMe(mineFirst, OTHER_HOST.id, false)).toBe(false);
    expect(awaitsMe(forApprover, HOST.id, false)).toBe(false);
    expect(awaitsMe(forApprover, HOST.id, true)).toBe(true);
    expect(awaitsMe(visit(3), HOST.id, true)).toBe(false);

    expect(needsApprovalsCheck(mineFirst, HOST.id)).toBe(false);
    expect(needsApprovalsCheck(forApprover, HOST.id)).toBe(true);
    expect(needsApprovalsCheck(visit(3), HOST.id)).toBe(false);
  });
});

const draft = (overrides: Partial<InviteDraft> = {}): InviteDraft => ({
  visitors: [{ ...emptyVisitor(0), name: '张三', phone: '+86 139 0000 0001' }],
  purpose: '项目评审',
  window: { date: '2026-11-21', startTime: '09:00', endTime: '11:00' },
  days: 1,
  gateIds: [EAST_GATE.id],
  maxEntries: 1,
  ...overrides,
});

describe('invite form', () => {
  it('sends what the shared schema makes of the form, leaving out empty optional fields', () => {
    const visitors = [
      { ...emptyVisitor(0), name: ' 张三 ', phone: '13900000001' },
      { ...emptyVisitor(1), name: '李四', phone: '13900000002', company: ' 华信 ', plate: '浙a·12345' },
    ];
    expect(checkInvite(draft({ visitors, days: 3 }))).toEqual({
      body: {
        visitors: [
          { name: '张三', phone: '13900000001' },
          { name: '李四', phone: '13900000002', company: '华信', plate: '浙A12345' },
        ],
        purpose: '项目评审',
        window: { date: '2026-11-21', startTime: '09:00', endTime: '11:00' },
        days: 3,
        gateIds: [EAST_GATE.id],
        maxEntries: 1,
      },
    });
  });

  it('names each problem’s field, the visitor’s row included', () => {
    const visitors = [
      { ...emptyVisitor(0), name: '张三', phone: '13900000001' },
      { ...emptyVisitor(1), name: '', phone: '12345', plate: 'ABC' },
    ];
    const result = checkInvite(draft({ visitors, purpose: ' ', gateIds: [] }));
    expect(result).toEqual({
      errors: {
        fields: {
          'visitors.1.name': '姓名不能为空',
          'visitors.1.phone': '手机号格式不正确',
          'visitors.1.plate': '车牌号格式不正确',
          purpose: '请填写来访事由',
          gateIds: '请至少选择一个通行区域',
        },
        other: [],
      },
    });
  });

  it('wants the end after the start', () => {
    const window = { date: '2026-11-21', startTime: '11:00', endTime: '11:00' };
    expect(checkInvite(draft({ window }))).toEqual({
      errors: { fields: { 'window.endTime': '结束时间须晚于开始时间' }, other: [] },
    });
  });

  it('sorts server details onto fields, and keeps what has no field', () => {
    expect(
      inviteErrors([
        { path: 'body.visitors.1.phone', issue: '该号码无法接收短信' },
        { path: 'body.gateIds.0', issue: '编号格式不正确' },
        { path: 'body.visitors.1.phone', issue: '第二条' },
        { path: 'body.extra', issue: '不允许的字段' },
      ]),
    ).toEqual({
      fields: { 'visitors.1.phone': '该号码无法接收短信', gateIds: '编号格式不正确' },
      other: ['不允许的字段'],
    });
  });

  it('says how many passes sending makes', () => {
    expect(inviteSummary(2, 3)).toBe('将为 2 位访客各创建 3 张通行证（共 6 张）');
    expect(inviteSummary(2, 1)).toBe('将为 2 位访客各创建 1 张通行证');
    expect(inviteSummary(1, 1)).toBe('将为 1 位访客创建 1 张通行证');
    expect(inviteSummary(1, 5)).toBe('将为 1 位访客创建 5 张通行证（每天 1 张）');
  });
});

describe('booking link share card', () => {
  it('opens the booking page of my code, from the root', () => {
    expect(shareMessage({ path: 'visitor/pages/request/index?code=AB12CD34' }, '王小明')).toEqual({
      title: '向王小明预约来访',
      path: '/visitor/pages/request/index?code=AB12CD34',
    });
    expect(shareMessage({ path: '/visitor/pages/request/index?code=AB12CD34' }, undefined)).toEqual({
      title: '预约来访',
      path: '/visitor/pages/request/index?code=AB12CD34',
    });
  });
});
