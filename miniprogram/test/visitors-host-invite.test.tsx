import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useSession } from '@/stores/session';
import InvitePage from '@/visitors/pages/invite/index';
import { EAST_GATE, NORTH_GATE, errorBody, tokens } from './fixtures';
import { HOST, ZONES, ok, serve, fakeDialogs, visit } from './visitors-host-server';

/** 08:30 on 21 November 2026 in Shanghai: the form starts at 08:00–10:00 that day. */
const NOW = new Date('2026-11-21T00:30:00.000Z');

function serveInvite(invite: (body: unknown) => { statusCode: number; data: unknown }) {
  useSession.getState().signIn({ tokens: tokens(1), me: HOST });
  const sent = serve(({ method, path, body }) => {
    if (method === 'GET' && path === '/api/visitors/zones') return ok({ items: ZONES });
    if (method === 'POST' && path === '/api/visitors/invitations') return invite(body);
    return undefined;
  });
  return () => sent.filter((r) => r.method === 'POST').map((r) => r.body);
}

const visitorBlock = (index: number) => document.querySelectorAll('.invite__visitor')[index] as HTMLElement;

function fillVisitor(index: number, values: Partial<Record<string, string>>) {
  const block = visitorBlock(index);
  for (const [placeholder, value] of Object.entries(values)) {
    fireEvent.input(within(block).getByPlaceholderText(placeholder), { target: { value } });
  }
}

const stepperIn = (label: string) => screen.getByText(label).closest('.switch-row') as HTMLElement;

async function fillTwoVisitors() {
  await screen.findByText('东门');
  fillVisitor(0, { 访客姓名: '张三', 手机号: '13900000001', '单位（选填）': '华信科技' });
  fireEvent.click(screen.getByText('＋ 添加访客'));
  fillVisitor(1, { 访客姓名: '李四', 手机号: '13900000002', '车牌号（选填）': '浙a·12345' });
  fireEvent.input(screen.getByPlaceholderText('来访事由（不超过 100 字）'), {
    target: { value: '项目评审' },
  });
  fireEvent.click(screen.getByText('东门'));
}

let dialogs: ReturnType<typeof fakeDialogs>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dialogs = fakeDialogs();
  vi.spyOn(Taro, 'getCurrentPages').mockReturnValue([
    { route: 'visitors/pages/home/index' },
    { route: 'visitors/pages/invite/index' },
  ] as ReturnType<typeof Taro.getCurrentPages>);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('invite page', () => {
  it('invites two visitors for three days, then says how many passes and SMS went out', async () => {
    const invited = serveInvite(() =>
      ok({ items: Array.from({ length: 6 }, (_, i) => visit(i + 1, { gates: [EAST_GATE] })) }),
    );
    render(<InvitePage />);
    expect(screen.getByText('日期：2026-11-21')).toBeTruthy();
    expect(screen.getByText('08:00')).toBeTruthy();
    expect(screen.getByText('10:00')).toBeTruthy();
    await fillTwoVisitors();
    fireEvent.click(within(stepperIn('重复')).getByText('＋'));
    fireEvent.click(within(stepperIn('重复')).getByText('＋'));
    expect(within(stepperIn('重复')).getByText('连续3天')).toBeTruthy();
    expect(screen.getByText('将为 2 位访客各创建 3 张通行证（共 6 张），并以短信通知访客。')).toBeTruthy();

    fireEvent.click(screen.getByText('发送邀请'));

    await waitFor(() => expect(dialogs.navigateBack).toHaveBeenCalled());
    expect(invited()).toEqual([
      {
        visitors: [
          { name: '张三', phone: '13900000001', company: '华信科技' },
          { name: '李四', phone: '13900000002', plate: '浙A12345' },
        ],
        purpose: '项目评审',
        window: { date: '2026-11-21', startTime: '08:00', endTime: '10:00' },
        days: 3,
        gateIds: [EAST_GATE.id],
        maxEntries: 1,
      },
    ]);
    expect(dialogs.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '邀请已发送', content: '已创建 6 张通行证，短信已发送给 2 位访客。' }),
    );
    expect(dialogs.redirectTo).not.toHaveBeenCalled();
  });

  it('checks the form with the shared schema before sending anything', async () => {
    const invited = serveInvite(() => ok({ items: [] }));
    render(<InvitePage />);
    await screen.findByText('东门');
    fillVisitor(0, { 手机号: '12345' });

    fireEvent.click(screen.getByText('发送邀请'));

    expect(await screen.findByText('姓名不能为空')).toBeTruthy();
    expect(within(visitorBlock(0)).getByText('手机号格式不正确')).toBeTruthy();
    expect(screen.getByText('请填写来访事由')).toBeTruthy();
    expect(screen.getByText('请至少选择一个通行区域')).toBeTruthy();
    expect(invited()).toEqual([]);

    // fixing a field clears its message
    fillVisitor(0, { 手机号: '13900000001' });
    expect(screen.queryByText('手机号格式不正确')).toBeNull();
  });

  it('shows a server field error under the phone of the visitor it is about', async () => {
    serveInvite(() =>
      errorBody('VALIDATION_FAILED', [{ path: 'body.visitors.1.phone', issue: '该号码暂时无法接收短信' }]),
    );
    render(<InvitePage />);
    await fillTwoVisitors();

    fireEvent.click(screen.getByText('发送邀请'));

    const message = await screen.findByText('该号码暂时无法接收短信');
    expect(visitorBlock(1).contains(message)).toBe(true);
    const phoneField = within(visitorBlock(1)).getByPlaceholderText('手机号').closest('.field')!;
    expect(phoneField.nextElementSibling).toBe(message);
    expect(dialogs.showModal).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of the time window next to the times', async () => {
    serveInvite(() => errorBody('VISITORS_WINDOW_INVALID'));
    render(<InvitePage />);
    await fillTwoVisitors();

    fireEvent.click(screen.getByText('发送邀请'));

    const message = await screen.findByText('来访时间不正确：结束须晚于开始，且不能早于现在');
    expect(message.previousElementSibling?.className).toContain('invite__times');
  });

  it('shows each zone’s policy and the choice made', async () => {
    serveInvite(() => ok({ items: [] }));
    render(<InvitePage />);

    const north = (await screen.findByText(NORTH_GATE.name)).closest('.list-item') as HTMLElement;
    expect(within(north).getByText('需登记身份证')).toBeTruthy();
    expect(within(north).getByText('需部门审批')).toBeTruthy();
    const east = screen.getByText(EAST_GATE.name).closest('.list-item') as HTMLElement;
    expect(within(east).queryByText('需登记身份证')).toBeNull();

    fireEvent.click(north);
    expect(within(north).getByText('✓')).toBeTruthy();
    fireEvent.click(north);
    expect(within(north).queryByText('✓')).toBeNull();
  });

  it('adds visitors up to 20 and removes any of them', async () => {
    serveInvite(() => ok({ items: [] }));
    render(<InvitePage />);
    expect(screen.queryByText('删除')).toBeNull();

    for (let i = 1; i < 20; i += 1) fireEvent.click(screen.getByText('＋ 添加访客'));
    expect(screen.getByText('访客（20/20）')).toBeTruthy();
    expect(screen.queryByText('＋ 添加访客')).toBeNull();

    fillVisitor(1, { 访客姓名: '第二位' });
    fireEvent.click(within(visitorBlock(0)).getByText('删除'));
    expect(screen.getByText('访客（19/20）')).toBeTruthy();
    expect((within(visitorBlock(0)).getByPlaceholderText('访客姓名') as HTMLInputElement).value).toBe(
      '第二位',
    );
    expect(screen.getByText('＋ 添加访客')).toBeTruthy();
  });

  it('keeps repeat days and entries within their limits', async () => {
    serveInvite(() => ok({ items: [] }));
    render(<InvitePage />);
    const entries = stepperIn('每天可进入');

    fireEvent.click(within(entries).getByText('−'));
    expect(within(entries).getByText('1 次')).toBeTruthy();
    for (let i = 0; i < 12; i += 1) fireEvent.click(within(entries).getByText('＋'));
    expect(within(entries).getByText('10 次')).toBeTruthy();
    expect(within(stepperIn('重复')).getByText('仅当天')).toBeTruthy();
    await screen.findByText('东门');
  });
});
