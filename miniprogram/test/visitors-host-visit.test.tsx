import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Visit } from '@dayuan/shared';
import { useSession } from '@/stores/session';
import VisitPage from '@/visitors/pages/visit/index';
import { errorBody, pageOf, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { HOST, OTHER_HOST, ok, serve, fakeDialogs, visit, type SentRequest } from './visitors-host-server';

type Reply = { statusCode: number; data: unknown };

interface Scene {
  /** The visit as each GET returns it, the last one repeated. */
  visits: Visit[];
  approvals?: Visit[];
  decide?: (body: unknown) => Reply;
  cancel?: () => Reply;
}

/** Opens the visit page of `scene.visits[0]` as HOST; returns the requests sent. */
function openVisit(scene: Scene): SentRequest[] {
  const { id } = scene.visits[0]!;
  useSession.getState().signIn({ tokens: tokens(1), me: HOST });
  taro.useRouter.mockReturnValue({ params: { id } });
  let reads = 0;
  const sent = serve(({ method, path, query }) => {
    const base = `/api/visitors/visits/${id}`;
    if (method === 'GET' && path === base) {
      reads += 1;
      return ok(scene.visits[Math.min(reads, scene.visits.length) - 1]);
    }
    if (method === 'GET' && path === '/api/visitors/visits' && query.get('scope') === 'approvals') {
      return ok(pageOf(scene.approvals ?? []));
    }
    if (method === 'GET' && path === `${base}/personal-data`) {
      return ok({ phone: '13912345678', idNumber: '110101199003070012' });
    }
    if (method === 'POST' && path === `${base}/decision`) return scene.decide?.(sent.at(-1)!.body);
    if (method === 'POST' && path === `${base}/cancel`) return scene.cancel?.();
    return undefined;
  });
  render(<VisitPage />);
  return sent;
}

const posted = (sent: SentRequest[], suffix: string) =>
  sent.filter((r) => r.method === 'POST' && r.path.endsWith(suffix)).map((r) => r.body);
const reads = (sent: SentRequest[], id: string) =>
  sent.filter((r) => r.method === 'GET' && r.path === `/api/visitors/visits/${id}`).length;
const rowValue = (label: string) =>
  (screen.getByText(label).closest('.info-row') as HTMLElement).querySelector('.info-row__value')!
    .textContent;

let dialogs: ReturnType<typeof fakeDialogs>;
beforeEach(() => {
  dialogs = fakeDialogs();
});

const forApprover = visit(5, {
  status: 'pending',
  awaiting: 'approver',
  origin: 'request',
  host: OTHER_HOST,
});

describe('visit page', () => {
  it('shows the visit and how the visitor passed through', async () => {
    openVisit({
      visits: [
        visit(1, {
          status: 'checked_out',
          entries: { used: 2, max: 3 },
          checkedInAt: '2026-11-21T01:05:00.000Z',
          checkedOutAt: '2026-11-21T02:40:00.000Z',
          decisionNote: '请走东门',
          visitor: { ...visit(1).visitor, idNumberMasked: '1101**********0012', plate: '浙A12345' },
        }),
      ],
    });

    expect(await screen.findByText('访客1')).toBeTruthy();
    expect(screen.getByText('已离开')).toBeTruthy();
    expect(rowValue('来访时间')).toBe('11月21日 09:00–11:00');
    expect(rowValue('通行区域')).toBe('东门');
    expect(rowValue('手机号')).toBe('139****0001');
    expect(rowValue('身份证号')).toBe('1101**********0012');
    expect(rowValue('车牌号')).toBe('浙A12345');
    expect(rowValue('被访人')).toBe('王小明（办公厅/秘书处）');
    expect(rowValue('已用次数')).toBe('2 / 3 次');
    expect(rowValue('当前')).toBe('不在院内');
    expect(rowValue('到访时间')).toBe('11月21日 09:05');
    expect(rowValue('离开时间')).toBe('11月21日 10:40');
    expect(rowValue('审批意见')).toBe('请走东门');
    expect(screen.queryByText('同意')).toBeNull();
    expect(screen.queryByText('取消来访')).toBeNull();
  });

  it('approves a visit on my approvals list by sending {approve: true}', async () => {
    const approved = { ...forApprover, status: 'approved' as const, awaiting: null };
    const sent = openVisit({
      visits: [forApprover, approved],
      approvals: [forApprover],
      decide: () => ok(approved),
    });

    expect(await screen.findByText('等待部门审批')).toBeTruthy();
    fireEvent.click(await screen.findByText('同意'));

    expect(await screen.findByText('待到访')).toBeTruthy();
    expect(posted(sent, '/decision')).toEqual([{ approve: true }]);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已同意' }));
    expect(screen.queryByText('同意')).toBeNull();
  });

  it('lets the host reject with a note when the host decides first', async () => {
    const pending = visit(2, { status: 'pending', awaiting: 'host', origin: 'request', blocked: true });
    const rejected = {
      ...pending,
      status: 'rejected' as const,
      awaiting: null,
      decisionNote: '近期不便接待',
    };
    const sent = openVisit({ visits: [pending, rejected], decide: () => ok(rejected) });

    expect(await screen.findByText('该访客在禁止来访名单中')).toBeTruthy();
    const note = await waitFor(() => {
      const found = screen
        .getAllByPlaceholderText('审批意见（选填，不超过 100 字）')
        .find((el) => el.tagName === 'TEXTAREA');
      expect(found).toBeDefined();
      return found!;
    });
    fireEvent.input(note, { target: { value: ' 近期不便接待 ' } });
    fireEvent.click(screen.getByText('拒绝'));

    expect(await screen.findByText('已拒绝')).toBeTruthy();
    expect(posted(sent, '/decision')).toEqual([{ approve: false, note: '近期不便接待' }]);
    expect(rowValue('审批意见')).toBe('近期不便接待');
    // the host asked nobody else
    expect(sent.some((r) => r.query.get('scope') === 'approvals')).toBe(false);
  });

  it('offers no decision on a visit that waits for someone else', async () => {
    openVisit({ visits: [forApprover], approvals: [] });
    expect(await screen.findByText('等待部门审批')).toBeTruthy();
    await waitFor(() => expect(taro.request).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('同意')).toBeNull();
    expect(screen.queryByText('拒绝')).toBeNull();
  });

  it('says the request expired and shows the visit as it is now', async () => {
    const expired = { ...forApprover, status: 'expired' as const, awaiting: null };
    const sent = openVisit({
      visits: [forApprover, expired],
      approvals: [forApprover],
      decide: () => errorBody('VISITORS_REQUEST_EXPIRED'),
    });

    fireEvent.click(await screen.findByText('同意'));

    expect(await screen.findByText('该申请已过期，无法审批')).toBeTruthy();
    expect(await screen.findByText('已过期')).toBeTruthy();
    expect(reads(sent, forApprover.id)).toBe(2);
    expect(screen.queryByText('同意')).toBeNull();
  });

  it('reloads the visit when it changed under me', async () => {
    const pending = visit(3, { status: 'pending', awaiting: 'host' });
    const sent = openVisit({
      visits: [pending, { ...pending, status: 'cancelled', awaiting: null }],
      decide: () => errorBody('VISITORS_STATE_CONFLICT'),
    });

    fireEvent.click(await screen.findByText('同意'));

    expect(await screen.findByText('来访状态已变化，请刷新后重试')).toBeTruthy();
    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(reads(sent, pending.id)).toBe(2);
  });

  it('asks before reading the full phone and ID number, saying the read is recorded', async () => {
    const sent = openVisit({
      visits: [visit(4, { visitor: { ...visit(4).visitor, idNumberMasked: '1101**********0012' } })],
    });
    const personal = () => sent.filter((r) => r.path.endsWith('/personal-data'));
    dialogs.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });

    fireEvent.click(await screen.findByText('查看完整信息'));
    await waitFor(() => expect(dialogs.showModal).toHaveBeenCalledTimes(1));
    expect(dialogs.showModal.mock.calls[0]![0]!.content).toContain('查看记录将被留存');
    expect(personal()).toHaveLength(0);
    expect(rowValue('手机号')).toBe('139****0001');

    fireEvent.click(screen.getByText('查看完整信息'));

    await waitFor(() => expect(rowValue('手机号')).toBe('13912345678'));
    expect(rowValue('身份证号')).toBe('110101199003070012');
    expect(personal()).toHaveLength(1);
    expect(screen.queryByText('查看完整信息')).toBeNull();
  });

  it('cancels a coming visit only after the host confirms', async () => {
    const coming = visit(6);
    const cancelled = { ...coming, status: 'cancelled' as const };
    const sent = openVisit({ visits: [coming, cancelled], cancel: () => ok(cancelled) });
    dialogs.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });

    fireEvent.click(await screen.findByText('取消来访'));
    await waitFor(() => expect(dialogs.showModal).toHaveBeenCalledTimes(1));
    expect(posted(sent, '/cancel')).toEqual([]);

    fireEvent.click(screen.getByText('取消来访'));

    expect(await screen.findByText('已取消')).toBeTruthy();
    expect(posted(sent, '/cancel')).toHaveLength(1);
    expect(screen.queryByText('取消来访')).toBeNull();
  });

  it('offers no cancel once the visitor has checked in', async () => {
    openVisit({
      visits: [visit(7, { status: 'checked_in', inside: true, checkedInAt: '2026-11-21T01:05:00.000Z' })],
    });
    expect(await screen.findByText('已到访')).toBeTruthy();
    expect(rowValue('当前')).toBe('在院内');
    expect(screen.queryByText('取消来访')).toBeNull();
  });

  it('offers no cancel on someone else’s visit', async () => {
    openVisit({ visits: [visit(8, { host: OTHER_HOST })] });
    const card = (await screen.findByText('访客8')).closest('.card') as HTMLElement;
    expect(within(card).getByText('待到访')).toBeTruthy();
    expect(screen.queryByText('取消来访')).toBeNull();
  });
});
