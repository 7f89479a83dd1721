import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { denyReasonLabels, type BlockEntry } from '@dayuan/shared';
import { useSession } from '@/stores/session';
import VisitorsAdminPage from '@/visitors/pages/admin/index';
import type { VisitorStats } from '@/visitors/admin-api';
import { EAST_GATE, NORTH_GATE, errorBody, me, pageOf, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { ok, serve, zone, type SentRequest } from './visitors-guard-fixtures';

const ENTRY_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function entry(overrides: Partial<BlockEntry> = {}): BlockEntry {
  return {
    id: ENTRY_ID,
    phoneMasked: '139****2222',
    idNumberMasked: null,
    names: ['赵六', '赵老六'],
    reason: '多次冒用他人身份',
    expiresAt: '2026-12-31T23:59:59+08:00',
    createdBy: '王小明',
    createdAt: '2026-11-20T10:00:00+08:00',
    ...overrides,
  };
}

function stats(overrides: Partial<VisitorStats> = {}): VisitorStats {
  const entriesByHour = Array.from({ length: 24 }, (_, h) => (h === 9 ? 12 : h === 14 ? 5 : 0));
  return {
    from: '2026-10-23',
    to: '2026-11-21',
    totals: {
      visits: 40,
      byOrigin: { invitation: 30, request: 6, walk_in: 4 },
      arrived: 35,
      noShows: 5,
      rejected: 2,
      noShowRate: 0.125,
    },
    byDay: [
      { date: '2026-11-20', visits: 3, arrived: 2, noShows: 1 },
      { date: '2026-11-21', visits: 7, arrived: 6, noShows: 0 },
    ],
    byGate: [
      { gate: '东门', entries: 28, denials: 3 },
      { gate: '北门', entries: 9, denials: 1 },
    ],
    entriesByHour,
    denialsByReason: { VISITOR_BLOCKED: 1, PASS_EXPIRED: 3 },
    ...overrides,
  };
}

interface Server {
  entries?: BlockEntry[];
  add?: (request: SentRequest) => { statusCode: number; data: unknown };
  updateZone?: (request: SentRequest) => { statusCode: number; data: unknown };
}

function serveAdmin({ entries = [entry()], add, updateZone }: Server = {}) {
  useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
  return serve((key, request) => {
    if (key === 'GET /api/visitors/block-list') return ok(pageOf(entries));
    if (key === 'POST /api/visitors/block-list' && add) return add(request);
    if (key === `DELETE /api/visitors/block-list/${ENTRY_ID}`) return ok({ ok: true });
    if (key === 'GET /api/visitors/stats') {
      return ok(
        request.query.get('days') === '7' ? stats({ totals: { ...stats().totals, noShowRate: 0 } }) : stats(),
      );
    }
    if (key === 'GET /api/visitors/zones') {
      return ok({ items: [zone(), zone({ ...NORTH_GATE, idNumberRequired: true, approverRequired: true })] });
    }
    if (key.startsWith('PUT /api/visitors/zones/') && updateZone) return updateZone(request);
    throw new Error(`unexpected ${key}`);
  });
}

const tab = (label: string) => screen.getByText(label, { selector: '.visitors-admin__tab' });

async function typeReason(text: string) {
  // taro-textarea-core carries the placeholder too; the text goes into the <textarea> it renders
  const textarea = await waitFor(() => {
    const found = screen.getAllByPlaceholderText('原因（2–200 字）').find((el) => el.tagName === 'TEXTAREA');
    expect(found).toBeDefined();
    return found!;
  });
  fireEvent.input(textarea, { target: { value: text } });
}

describe('visitors admin: 禁止名单', () => {
  it('lists the entries with what they match and until when', async () => {
    serveAdmin({
      entries: [
        entry(),
        entry({
          id: 'e2',
          names: [],
          phoneMasked: null,
          idNumberMasked: '1101**********1233',
          expiresAt: null,
        }),
      ],
    });
    render(<VisitorsAdminPage />);

    expect(await screen.findByText('赵六、赵老六')).toBeTruthy();
    expect(screen.getByText('禁止名单（共 2 条）')).toBeTruthy();
    expect(screen.getByText('手机：139****2222')).toBeTruthy();
    expect(screen.getAllByText('原因：多次冒用他人身份')).toHaveLength(2);
    expect(screen.getByText('有效期：至 2026-12-31')).toBeTruthy();
    expect(screen.getByText('（未填写姓名）')).toBeTruthy();
    expect(screen.getByText('身份证：1101**********1233')).toBeTruthy();
    expect(screen.getByText('有效期：长期')).toBeTruthy();
  });

  it('adds an entry, sending the comma-separated names as an array', async () => {
    const sent = serveAdmin({ add: ({ body }) => ok(entry({ names: (body as { names: string[] }).names })) });
    render(<VisitorsAdminPage />);
    await screen.findByText('赵六、赵老六');

    fireEvent.click(screen.getByText('添加禁止来访人员'));
    fireEvent.input(screen.getByPlaceholderText('手机号'), { target: { value: '13900002222' } });
    fireEvent.input(screen.getByPlaceholderText('姓名及别名，用逗号分隔'), {
      target: { value: '赵六， 赵老六、赵六,' },
    });
    expect(screen.getAllByText('赵老六', { selector: '.tag' })).toHaveLength(1);
    await typeReason('多次冒用他人身份');
    fireEvent.click(screen.getByText('加入禁止名单'));

    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      phone: '13900002222',
      names: ['赵六', '赵老六'],
      reason: '多次冒用他人身份',
    });
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入禁止名单' })),
    );
    expect(sent.filter((r) => r.path === '/api/visitors/block-list' && r.method === 'GET')).toHaveLength(2);
    expect(screen.getByText('添加禁止来访人员')).toBeTruthy();
  });

  it('asks for something to match and a reason before sending', async () => {
    const sent = serveAdmin();
    render(<VisitorsAdminPage />);
    fireEvent.click(await screen.findByText('添加禁止来访人员'));

    fireEvent.click(screen.getByText('加入禁止名单'));

    expect(await screen.findByText('请至少填写手机号、身份证号或姓名之一')).toBeTruthy();
    expect(screen.getByText('请填写原因')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('身份证号'), { target: { value: '110101199003071234' } });
    fireEvent.click(screen.getByText('加入禁止名单'));
    expect(await screen.findByText('身份证号不正确')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('lifts an entry only after 确认移除', async () => {
    const sent = serveAdmin();
    render(<VisitorsAdminPage />);
    await screen.findByText('赵六、赵老六');

    fireEvent.click(screen.getByText('移除'));
    expect(screen.getByText('移除后该访客可再次预约和入园，确认移除？')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByText('确认移除')).toBeNull();
    expect(sent.filter((r) => r.method === 'DELETE')).toEqual([]);

    fireEvent.click(screen.getByText('移除'));
    fireEvent.click(screen.getByText('确认移除'));

    await waitFor(() => expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'DELETE')?.path).toBe(`/api/visitors/block-list/${ENTRY_ID}`);
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已移除' })),
    );
  });
});

describe('visitors admin: 统计', () => {
  it('shows totals with the no-show rate, per day, per gate, by hour and denials by reason', async () => {
    const sent = serveAdmin();
    render(<VisitorsAdminPage />);
    fireEvent.click(tab('统计'));

    expect(await screen.findByText('12.5%')).toBeTruthy();
    expect(screen.getByText('爽约率')).toBeTruthy();
    expect(sent.find((r) => r.path === '/api/visitors/stats')?.query.get('days')).toBe('30');
    expect(screen.getByText('2026-10-23 至 2026-11-21')).toBeTruthy();
    const totals = within(document.querySelector('.visitors-admin__totals') as HTMLElement);
    const figure = (label: string) => within(totals.getByText(label).parentElement as HTMLElement);
    expect(figure('来访').getByText('40')).toBeTruthy();
    expect(figure('未到访').getByText('5')).toBeTruthy();
    expect(screen.getByText('邀请')).toBeTruthy();
    expect(screen.getByText('现场登记')).toBeTruthy();

    const day = within(screen.getByText('2026-11-21').parentElement as HTMLElement);
    expect(day.getByText('7')).toBeTruthy();
    expect(day.getByText('6')).toBeTruthy();
    const gate = within(screen.getByText(EAST_GATE.name).parentElement as HTMLElement);
    expect(gate.getByText('28')).toBeTruthy();
    expect(gate.getByText('3')).toBeTruthy();
    expect(screen.getByText('高峰：9 时（12 人次）')).toBeTruthy();
    expect(document.querySelectorAll('.visitors-admin__bar')).toHaveLength(24);
    expect(screen.getByText(denyReasonLabels.PASS_EXPIRED)).toBeTruthy();
    expect(screen.getByText(denyReasonLabels.VISITOR_BLOCKED)).toBeTruthy();

    fireEvent.click(screen.getByText('近 7 天'));
    expect(await screen.findByText('0%')).toBeTruthy();
    expect(
      sent
        .filter((r) => r.path === '/api/visitors/stats')
        .at(-1)
        ?.query.get('days'),
    ).toBe('7');
  });
});

describe('visitors admin: 通行区域', () => {
  it('saves a gate’s policy from its switch, and puts it back when saving fails', async () => {
    let fail = false;
    const sent = serveAdmin({
      updateZone: ({ body }) => (fail ? errorBody('INTERNAL_ERROR') : ok({ ...zone(), ...(body as object) })),
    });
    render(<VisitorsAdminPage />);
    fireEvent.click(tab('通行区域'));

    const zoneOf = async (name: string) =>
      within((await screen.findByText(name)).closest('.visitors-admin__zone') as HTMLElement);
    const switchOf = async (name: string, label: string) =>
      (await zoneOf(name)).getByText(label).closest('.switch-row')!.querySelector('input')!;

    await waitFor(async () => expect((await switchOf('北门', '需部门审批')).checked).toBe(true));
    expect((await switchOf('东门', '需登记身份证号')).checked).toBe(false);

    fireEvent.click(await switchOf('东门', '需登记身份证号'));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({
      path: `/api/visitors/zones/${EAST_GATE.id}`,
      body: { idNumberRequired: true, approverRequired: false },
    });
    await waitFor(async () => expect((await switchOf('东门', '需登记身份证号')).checked).toBe(true));

    fail = true;
    fireEvent.click(await switchOf('东门', '需部门审批'));
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统繁忙，请稍后再试' })),
    );
    await waitFor(async () => expect((await switchOf('东门', '需部门审批')).checked).toBe(false));
    expect((await switchOf('东门', '需登记身份证号')).checked).toBe(true);
  });

  it('is only for admins', () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff']) });
    render(<VisitorsAdminPage />);
    expect(screen.getByText('仅管理员可以管理访客')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
