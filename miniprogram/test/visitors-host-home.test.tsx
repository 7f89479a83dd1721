import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useSession } from '@/stores/session';
import VisitorsHomePage from '@/visitors/pages/home/index';
import { NORTH_GATE, EAST_GATE, pageOf, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { HOST, OTHER_HOST, ok, serve, visit, type SentRequest } from './visitors-host-server';

const listed = (sent: SentRequest[]) =>
  sent
    .filter((r) => r.path === '/api/visitors/visits' && r.query.get('pageSize') !== '1')
    .map((r) => Object.fromEntries(r.query));

const awaiting = [
  visit(7, {
    status: 'pending',
    awaiting: 'approver',
    origin: 'request',
    host: OTHER_HOST,
    visitor: { ...visit(7).visitor, name: '赵六', company: null },
  }),
  visit(8, { status: 'pending', awaiting: 'host', origin: 'walk_in' }),
];

/** Signs the host in; `mine` answers the 我的访客 list (by status filter), approvals are `awaiting`. */
function serveHome(mine: (status: string | null, page: number) => ReturnType<typeof pageOf>) {
  useSession.getState().signIn({ tokens: tokens(1), me: HOST });
  return serve(({ method, path, query }) => {
    if (method !== 'GET' || path !== '/api/visitors/visits') return undefined;
    if (query.get('scope') === 'approvals') return ok(pageOf(awaiting));
    return ok(mine(query.get('status'), Number(query.get('page'))));
  });
}

describe('visitors home', () => {
  it('lists my visitors with window, gates, origin and status, and marks a blocked one', async () => {
    serveHome(() =>
      pageOf([
        visit(1, { gates: [EAST_GATE, NORTH_GATE] }),
        visit(2, {
          status: 'pending',
          awaiting: 'host',
          origin: 'request',
          blocked: true,
          visitor: { ...visit(2).visitor, name: '钱七', company: null },
        }),
      ]),
    );
    render(<VisitorsHomePage />);

    const first = (await screen.findByText('访客1')).closest('.visit-row') as HTMLElement;
    expect(within(first).getByText('华信科技')).toBeTruthy();
    expect(within(first).getByText('11月21日 09:00–11:00')).toBeTruthy();
    expect(within(first).getByText('邀请 · 东门、北门')).toBeTruthy();
    expect(within(first).getByText('待到访')).toBeTruthy();
    expect(within(first).queryByText('禁止名单')).toBeNull();

    const blocked = screen.getByText('钱七').closest('.visit-row') as HTMLElement;
    expect(within(blocked).getByText('禁止名单').className).toContain('visit-tag--red');
    expect(within(blocked).getByText('待审批')).toBeTruthy();
    expect(within(blocked).getByText('预约申请 · 东门')).toBeTruthy();
  });

  it('filters my visitors by status', async () => {
    const sent = serveHome((status) =>
      pageOf(status === 'checked_in' ? [visit(3, { status: 'checked_in' })] : []),
    );
    render(<VisitorsHomePage />);
    expect(await screen.findByText('还没有访客，点击“邀请访客”发出邀请')).toBeTruthy();

    fireEvent.click(screen.getByText('已到访'));

    expect(await screen.findByText('访客3')).toBeTruthy();
    expect(listed(sent)).toEqual([
      { scope: 'mine', page: '1', pageSize: '20' },
      { scope: 'mine', status: 'checked_in', page: '1', pageSize: '20' },
    ]);
    fireEvent.click(screen.getByText('已拒绝'));
    expect(await screen.findByText('没有该状态的访客')).toBeTruthy();
  });

  it('counts the visits waiting for me and lists them with their hosts on 待我审批', async () => {
    const sent = serveHome(() => pageOf([]));
    render(<VisitorsHomePage />);

    const tab = screen.getByText('待我审批').parentElement as HTMLElement;
    expect(await within(tab).findByText('2')).toBeTruthy();
    fireEvent.click(screen.getByText('待我审批'));

    const row = (await screen.findByText('赵六')).closest('.visit-row') as HTMLElement;
    expect(within(row).getByText('被访人 李建国')).toBeTruthy();
    expect(within(row).getByText('预约申请 · 东门')).toBeTruthy();
    expect(screen.getByText('现场登记 · 东门')).toBeTruthy();
    // no status filter on the approvals tab
    expect(screen.queryByText('全部')).toBeNull();
    expect(listed(sent).at(-1)).toEqual({ scope: 'approvals', page: '1', pageSize: '20' });

    fireEvent.click(row);
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/visitors/pages/visit/index?id=${awaiting[0]!.id}`,
    });
  });

  it('opens on 待我审批 when a link says so', async () => {
    taro.useRouter.mockReturnValue({ params: { tab: 'approvals' } });
    serveHome(() => pageOf([]));
    render(<VisitorsHomePage />);
    expect(await screen.findByText('赵六')).toBeTruthy();
  });

  it('says when nothing waits for me, without a badge', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: HOST });
    serve(({ path }) => (path === '/api/visitors/visits' ? ok(pageOf([])) : undefined));
    render(<VisitorsHomePage />);
    fireEvent.click(screen.getByText('待我审批'));
    expect(await screen.findByText('暂无待我审批的访客')).toBeTruthy();
    expect(document.querySelector('.badge')).toBeNull();
  });

  it('loads more visitors page by page', async () => {
    const sent = serveHome((_, page) => pageOf([visit(page)], 2, page));
    render(<VisitorsHomePage />);
    expect(await screen.findByText('访客1')).toBeTruthy();

    fireEvent.click(screen.getByText('加载更多'));

    expect(await screen.findByText('访客2')).toBeTruthy();
    expect(screen.getByText('访客1')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
    expect(listed(sent).map((q) => q.page)).toEqual(['1', '2']);
  });

  it('reloads the list and the count when the host comes back to it', async () => {
    let round = 1;
    const sent = serveHome(() => pageOf([visit(round)]));
    render(<VisitorsHomePage />);
    expect(await screen.findByText('访客1')).toBeTruthy();
    // Each render hands the (faked) hook two callbacks, the page's and the approvals count's: play the latest.
    const showPage = () => {
      for (const [callback] of taro.useDidShow.mock.calls.slice(-2)) (callback as () => void)();
    };
    showPage(); // the first show comes with the mount

    round = 2;
    await act(async () => showPage()); // back from a visit or the invite form

    expect(await screen.findByText('访客2')).toBeTruthy();
    expect(listed(sent)).toHaveLength(2);
    expect(sent.filter((r) => r.query.get('pageSize') === '1')).toHaveLength(2);
  });

  it('shows a failed list with 重试', async () => {
    serveHome(() => pageOf([visit(1)]));
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<VisitorsHomePage />);

    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('访客1')).toBeTruthy();
  });

  it('opens the invite form and my booking code', async () => {
    serveHome(() => pageOf([]));
    render(<VisitorsHomePage />);

    fireEvent.click(screen.getByText('邀请访客'));
    fireEvent.click(screen.getByText('我的预约码'));

    expect(taro.navigateTo.mock.calls).toEqual([
      [{ url: '/visitors/pages/invite/index' }],
      [{ url: '/visitors/pages/booking-link/index' }],
    ]);
    await screen.findByText('还没有访客，点击“邀请访客”发出邀请');
  });
});
