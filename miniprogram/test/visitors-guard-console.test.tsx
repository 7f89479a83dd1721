import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Visit } from '@dayuan/shared';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import GuardPage from '@/visitors/pages/guard/index';
import { EAST_GATE, NORTH_GATE, errorBody, guard, inboxItem, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { ok, serve, visit, type SentRequest } from './visitors-guard-fixtures';

/** Signs in a guard; the expected list answers with `items` (searched by `q` when given). */
function serveConsole(
  items: Visit[],
  options: {
    gates?: { id: string; name: string }[];
    search?: (q: string) => Visit[];
    manual?: (request: SentRequest) => { statusCode: number; data: unknown };
  } = {},
) {
  useSession.getState().signIn({ tokens: tokens(1), me: guard(options.gates ?? [EAST_GATE]) });
  return serve((key, request) => {
    if (key === 'GET /api/visitors/guard/passages') return ok({ items: [] });
    if (key === 'GET /api/visitors/guard/expected') {
      const q = request.query.get('q');
      return ok({ items: q && options.search ? options.search(q) : items });
    }
    if (/^POST \/api\/visitors\/guard\/visits\/[^/]+\/check-(in|out)$/.test(key) && options.manual) {
      return options.manual(request);
    }
    throw new Error(`unexpected ${key}`);
  });
}

const rowOf = (name: string) => screen.getByText(name).closest('.expected-row') as HTMLElement;
const expectedLoads = (sent: SentRequest[]) => sent.filter((r) => r.path === '/api/visitors/guard/expected');

describe('guard console: 预约名单', () => {
  it('lists today’s visitors at the gate with what a guard checks, counted and filtered by status', async () => {
    const sent = serveConsole([
      visit(1, { visitor: { ...visit(1).visitor, plate: '浙A12345' } }),
      visit(2, { status: 'checked_in', inside: true, entries: { used: 1, max: 2 } }),
      visit(3, { status: 'checked_out', entries: { used: 1, max: 1 } }),
      visit(4, { status: 'pending', awaiting: 'host', origin: 'walk_in' }),
    ]);
    render(<GuardPage />);

    expect(await screen.findByText('访客1')).toBeTruthy();
    expect(expectedLoads(sent)[0]?.query.get('gateId')).toBe(EAST_GATE.id);
    expect(screen.getByText('全部 4')).toBeTruthy();
    expect(screen.getByText('待到访 1')).toBeTruthy();
    expect(screen.getByText('已到访 1')).toBeTruthy();
    expect(screen.getByText('已离开 1')).toBeTruthy();
    expect(screen.getByText('待审批 1')).toBeTruthy();

    const first = within(rowOf('访客1'));
    expect(first.getByText('单位：华东设计院')).toBeTruthy();
    expect(first.getByText('被访人：李主任（办公厅/秘书处）')).toBeTruthy();
    expect(first.getByText('时间：09:00–11:00')).toBeTruthy();
    expect(first.getByText('车牌：浙A12345')).toBeTruthy();
    expect(first.getByText('入园：0/1 次')).toBeTruthy();
    expect(first.getByText('手动登记入园')).toBeTruthy();
    expect(first.queryByText('手动登记离开')).toBeNull();
    expect(within(rowOf('访客2')).getByText('在院内')).toBeTruthy();
    expect(within(rowOf('访客2')).getByText('手动登记离开')).toBeTruthy();
    expect(within(rowOf('访客4')).getByText('现场登记 · 商谈项目')).toBeTruthy();

    fireEvent.click(screen.getByText('已到访 1'));
    expect(screen.getByText('访客2')).toBeTruthy();
    expect(screen.queryByText('访客1')).toBeNull();
    expect(screen.queryByText('访客4')).toBeNull();
  });

  it('searches by name, phone digits or plate on the server', async () => {
    const sent = serveConsole([visit(1), visit(2)], {
      search: () => [visit(2, { visitor: { ...visit(2).visitor, plate: '浙A12345' } })],
    });
    render(<GuardPage />);
    await screen.findByText('访客1');

    fireEvent.input(screen.getByPlaceholderText('姓名、手机号或车牌'), { target: { value: ' 浙A123 ' } });
    fireEvent.click(screen.getByText('搜索'));

    expect(await screen.findByText('“浙A123”的搜索结果')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('访客1')).toBeNull());
    expect(screen.getByText('车牌：浙A12345')).toBeTruthy();
    expect(expectedLoads(sent).at(-1)?.query.get('q')).toBe('浙A123');
    expect(expectedLoads(sent).at(-1)?.query.get('gateId')).toBe(EAST_GATE.id);
  });

  it('puts a red 禁止名单 alert on a blocked visitor and offers no manual check-in', async () => {
    serveConsole([visit(1), visit(2, { blocked: true })]);
    render(<GuardPage />);

    await screen.findByText('访客2');
    const blocked = within(rowOf('访客2'));
    expect(blocked.getByText('禁止名单')).toBeTruthy();
    expect(blocked.getByText('该访客在禁止来访名单中，请勿放行，并联系值班领导')).toBeTruthy();
    expect(blocked.queryByText('手动登记入园')).toBeNull();
    expect(within(rowOf('访客1')).queryByText('禁止名单')).toBeNull();
  });

  it('checks a visitor in by hand only with a reason of 2–100 characters, sends it and shows the updated row', async () => {
    const waiting = visit(1);
    const sent = serveConsole([waiting, visit(2)], {
      manual: () =>
        ok({
          ...waiting,
          status: 'checked_in',
          inside: true,
          entries: { used: 1, max: 1 },
          checkedInAt: new Date().toISOString(),
        }),
    });
    render(<GuardPage />);
    fireEvent.click(await screen.findByText('待到访 2'));

    const row = within(rowOf('访客1'));
    fireEvent.click(row.getByText('手动登记入园'));
    fireEvent.click(row.getByText('确认入园'));
    expect(row.getByText('请填写原因（至少 2 个字）')).toBeTruthy();
    fireEvent.input(row.getByPlaceholderText(/请填写原因/), { target: { value: '好' } });
    fireEvent.click(row.getByText('确认入园'));
    expect(row.getByText('请填写原因（至少 2 个字）')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.input(row.getByPlaceholderText(/请填写原因/), {
      target: { value: ' 访客手机没电，已核对身份证 ' },
    });
    fireEvent.click(row.getByText('确认入园'));

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已登记入园' })),
    );
    const posted = sent.filter((r) => r.method === 'POST');
    expect(posted.map((r) => r.path)).toEqual([`/api/visitors/guard/visits/${waiting.id}/check-in`]);
    expect(posted[0]?.body).toEqual({ gateId: EAST_GATE.id, reason: '访客手机没电，已核对身份证' });
    // still shown under 待到访, now with its new status
    const updated = within(rowOf('访客1'));
    expect(updated.getByText('已到访')).toBeTruthy();
    expect(updated.getByText('在院内')).toBeTruthy();
    expect(updated.getByText('入园：1/1 次')).toBeTruthy();
    expect(updated.getByText('手动登记离开')).toBeTruthy();
    expect(updated.queryByText('手动登记入园')).toBeNull();
    expect(screen.getByText('已到访 1')).toBeTruthy();
  });

  it('records a departure by hand with its reason', async () => {
    const inside = visit(5, { status: 'checked_in', inside: true, entries: { used: 1, max: 1 } });
    const sent = serveConsole([inside], {
      manual: () => ok({ ...inside, status: 'checked_out', inside: false }),
    });
    render(<GuardPage />);

    fireEvent.click(await screen.findByText('手动登记离开'));
    fireEvent.input(screen.getByPlaceholderText(/请填写原因/), { target: { value: '闸机故障，人工放行' } });
    fireEvent.click(screen.getByText('确认离开'));

    await waitFor(() => expect(screen.getByText('已离开')).toBeTruthy());
    const posted = sent.find((r) => r.method === 'POST');
    expect(posted?.path).toBe(`/api/visitors/guard/visits/${inside.id}/check-out`);
    expect(posted?.body).toEqual({ gateId: EAST_GATE.id, reason: '闸机故障，人工放行' });
    expect(screen.queryByText('手动登记离开')).toBeNull();
  });

  it('shows the server’s refusal under the reason and keeps the row as it was', async () => {
    serveConsole([visit(1)], { manual: () => errorBody('VISITORS_PASS_EXPIRED') });
    render(<GuardPage />);

    fireEvent.click(await screen.findByText('手动登记入园'));
    fireEvent.input(screen.getByPlaceholderText(/请填写原因/), {
      target: { value: '访客迟到，被访人电话确认' },
    });
    fireEvent.click(screen.getByText('确认入园'));

    expect(await screen.findByText('通行证已过期')).toBeTruthy();
    expect(screen.getByText('待到访')).toBeTruthy();
  });

  it('lists the chosen gate’s visitors when a guard works two gates', async () => {
    const sent = serveConsole([visit(1)], { gates: [EAST_GATE, NORTH_GATE] });
    render(<GuardPage />);

    expect(await screen.findByText('东门 ›')).toBeTruthy();
    await screen.findByText('访客1');
    expect(expectedLoads(sent).every((r) => r.query.get('gateId') === EAST_GATE.id)).toBe(true);
  });

  it('opens 现场登记 for the current gate', async () => {
    serveConsole([]);
    render(<GuardPage />);

    expect(await screen.findByText('暂无符合条件的访客')).toBeTruthy();
    fireEvent.click(screen.getByText('现场登记'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/visitors/pages/walk-in/index?gateId=${EAST_GATE.id}`,
    });
  });
});

describe('guard console: realtime', () => {
  it('raises a red alert when a blocked visitor turns up, and reloads the list', async () => {
    const sent = serveConsole([visit(1)]);
    render(<GuardPage />);
    await screen.findByText('访客1');
    const loads = expectedLoads(sent).length;

    act(() => {
      useInbox.getState().receive(
        inboxItem(1, {
          template: 'visitors.blocked_at_gate',
          category: 'visitors',
          title: '禁止来访人员出现',
          body: '张*在东门被拦截：禁止来访人员，请联系值班领导',
          link: '/visitors/pages/guard/index',
          urgency: 'urgent',
        }),
      );
    });

    expect(await screen.findByText('禁止来访人员出现')).toBeTruthy();
    expect(screen.getByText('张*在东门被拦截：禁止来访人员，请联系值班领导')).toBeTruthy();
    await waitFor(() => expect(expectedLoads(sent).length).toBe(loads + 1));

    fireEvent.click(screen.getByText('知道了'));
    expect(screen.queryByText('禁止来访人员出现')).toBeNull();
  });

  it('tells the guard a host’s decision on a walk-in and reloads the list; other news is not for this page', async () => {
    const sent = serveConsole([visit(1)]);
    render(<GuardPage />);
    await screen.findByText('访客1');
    const loads = expectedLoads(sent).length;

    act(() => {
      useInbox.getState().receive(inboxItem(1, { title: '您的角色已调整', category: 'account' }));
      useInbox.getState().receive(
        inboxItem(2, {
          template: 'visitors.visit_decided',
          category: 'visitors',
          title: '访客9的来访已通过',
          body: '访客9的来访已通过',
          link: `/visitors/pages/visit/index?id=${visit(9).id}`,
        }),
      );
    });

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '访客9的来访已通过' })),
    );
    expect(taro.showToast).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(expectedLoads(sent).length).toBe(loads + 1));
    expect(screen.queryByText('禁止来访人员出现')).toBeNull();
  });
});
