import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Visit, Zone } from '@dayuan/shared';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import WalkInPage, { POLL_MS } from '@/visitors/pages/walk-in/index';
import { EAST_GATE, NORTH_GATE, errorBody, guard, inboxItem, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { HOST_ID, ok, person, serve, visit, zone, type SentRequest } from './visitors-guard-fixtures';

const ID_NUMBER = '110101199003071233';

interface Server {
  zone?: Zone;
  /** Answers POST walk-ins. */
  walkIn?: (request: SentRequest) => { statusCode: number; data: unknown };
  /** The visit as GET answers it, call by call (the last one repeats). */
  reads?: Visit[];
  checkIn?: (request: SentRequest) => { statusCode: number; data: unknown };
}

function serveWalkIn({ zone: gateZone = zone(), walkIn, reads = [], checkIn }: Server = {}) {
  useSession.getState().signIn({ tokens: tokens(1), me: guard([EAST_GATE]) });
  taro.useRouter.mockReturnValue({ params: { gateId: EAST_GATE.id } });
  let read = 0;
  return serve((key, request) => {
    if (key === 'GET /api/visitors/zones') return ok({ items: [gateZone, { ...zone(), ...NORTH_GATE }] });
    if (key === 'GET /api/directory/people') {
      return ok({
        items: [person(), person({ id: 'p2', name: '李四', status: 'disabled' })],
        total: 2,
        page: 1,
        pageSize: 10,
      });
    }
    if (key === 'POST /api/visitors/guard/walk-ins' && walkIn) return walkIn(request);
    if (key.startsWith('GET /api/visitors/visits/') && reads.length > 0) {
      return ok(reads[Math.min(read++, reads.length - 1)]);
    }
    if (key.endsWith('/check-in') && checkIn) return checkIn(request);
    throw new Error(`unexpected ${key}`);
  });
}

const field = (placeholder: string) => screen.getByPlaceholderText(placeholder);
const type = (placeholder: string, value: string) =>
  fireEvent.input(field(placeholder), { target: { value } });

async function pickHost() {
  type('输入被访人姓名搜索', '李');
  fireEvent.click(screen.getByText('搜索'));
  expect(await screen.findByText('李四（已停用）')).toBeTruthy();
  fireEvent.click(screen.getByText('选择'));
  expect(await screen.findByText('更换')).toBeTruthy();
}

function fillVisitor() {
  type('访客姓名', '张三');
  type('11 位手机号', '13900001111');
  type('来访事由', '送材料');
  type('选填，如 浙A12345', '浙a·12345');
}

const pendingWalkIn = (overrides: Partial<Visit> = {}) =>
  visit(7, {
    origin: 'walk_in',
    status: 'pending',
    awaiting: 'host',
    purpose: '送材料',
    visitor: { ...visit(7).visitor, name: '张三', company: null, plate: '浙A12345' },
    ...overrides,
  });

const posted = (sent: SentRequest[], suffix: string) =>
  sent.filter((r) => r.method === 'POST' && r.path.endsWith(suffix));

afterEach(() => {
  vi.useRealTimers();
});

describe('walk-in registration', () => {
  it('asks for the ID number when the gate’s zone requires it', async () => {
    const sent = serveWalkIn({ zone: zone({ idNumberRequired: true }), walkIn: () => ok(pendingWalkIn()) });
    render(<WalkInPage />);

    expect(await screen.findByText('本门岗要求登记身份证号')).toBeTruthy();
    await pickHost();
    fillVisitor();
    fireEvent.click(screen.getByText('提交登记并通知被访人'));

    expect(await screen.findByText('所选区域要求登记身份证号')).toBeTruthy();
    expect(posted(sent, '/walk-ins')).toEqual([]);

    type('18 位身份证号', ID_NUMBER);
    fireEvent.click(screen.getByText('提交登记并通知被访人'));
    await waitFor(() => expect(posted(sent, '/walk-ins')).toHaveLength(1));
    expect(posted(sent, '/walk-ins')[0]?.body).toMatchObject({ idNumber: ID_NUMBER });
  });

  it('does not ask for the ID number when the zone does not', async () => {
    const sent = serveWalkIn({ walkIn: () => ok(pendingWalkIn()) });
    render(<WalkInPage />);
    await screen.findByText('登记门岗');
    expect(screen.queryByText('本门岗要求登记身份证号')).toBeNull();

    await pickHost();
    fillVisitor();
    fireEvent.click(screen.getByText('提交登记并通知被访人'));

    await waitFor(() => expect(posted(sent, '/walk-ins')).toHaveLength(1));
    const body = posted(sent, '/walk-ins')[0]?.body as Record<string, unknown>;
    expect(body).toEqual({
      gateId: EAST_GATE.id,
      hostId: HOST_ID,
      name: '张三',
      phone: '13900001111',
      purpose: '送材料',
      plate: '浙A12345',
      until: expect.stringMatching(/^\d{2}:\d{2}$/),
    });
  });

  it('names what is missing before sending', async () => {
    const sent = serveWalkIn();
    render(<WalkInPage />);
    await screen.findByText('登记门岗');

    fireEvent.click(screen.getByText('提交登记并通知被访人'));

    expect(await screen.findByText('姓名不能为空')).toBeTruthy();
    expect(screen.getByText('手机号格式不正确')).toBeTruthy();
    expect(screen.getByText('请填写来访事由')).toBeTruthy();
    expect(screen.getByText('请选择被访人')).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('tells the guard to stop a visitor on the block list', async () => {
    serveWalkIn({ walkIn: () => errorBody('VISITORS_BLOCKED') });
    render(<WalkInPage />);
    await screen.findByText('登记门岗');
    await pickHost();
    fillVisitor();
    fireEvent.click(screen.getByText('提交登记并通知被访人'));

    expect(await screen.findByText('禁止来访')).toBeTruthy();
    expect(screen.getByText('该访客在禁止来访名单中，无法登记。请勿放行，并联系值班领导。')).toBeTruthy();
    expect(screen.queryByText('已通知被访人，等待确认')).toBeNull();
  });

  it('waits for the host, follows the decision pushed in real time and checks the visitor in with the default reason', async () => {
    const waiting = pendingWalkIn();
    const approved = { ...waiting, status: 'approved' as const, awaiting: null };
    const sent = serveWalkIn({
      walkIn: () => ok(waiting),
      reads: [approved],
      checkIn: () => ok({ ...approved, status: 'checked_in', inside: true, entries: { used: 1, max: 1 } }),
    });
    render(<WalkInPage />);
    await screen.findByText('登记门岗');
    await pickHost();
    fillVisitor();
    fireEvent.click(screen.getByText('提交登记并通知被访人'));

    expect(await screen.findByText('已通知被访人，等待确认')).toBeTruthy();
    expect(screen.getByText('张三')).toBeTruthy();
    expect(screen.getByText('待审批')).toBeTruthy();

    act(() => {
      useInbox.getState().receive(
        inboxItem(3, {
          template: 'visitors.visit_decided',
          category: 'visitors',
          title: '张三的来访已通过',
          body: '张三的来访已通过',
          link: `/visitors/pages/visit/index?id=${waiting.id}`,
        }),
      );
    });

    expect(await screen.findByText('被访人已确认，可以入园')).toBeTruthy();
    const reason = field('登记原因（2–100 字）') as HTMLInputElement;
    expect(reason.value).toBe('现场登记，被访人已确认');
    fireEvent.click(screen.getByText('登记入园'));

    expect(await screen.findByText('已登记入园')).toBeTruthy();
    expect(posted(sent, '/check-in')[0]).toMatchObject({
      path: `/api/visitors/guard/visits/${waiting.id}/check-in`,
      body: { gateId: EAST_GATE.id, reason: '现场登记，被访人已确认' },
    });
  });

  it('asks the server again every few seconds while the host has not decided', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval'] });
    const waiting = pendingWalkIn();
    const sent = serveWalkIn({
      walkIn: () => ok(waiting),
      reads: [waiting, { ...waiting, status: 'rejected', awaiting: null, decisionNote: '今天不在单位' }],
    });
    render(<WalkInPage />);
    await screen.findByText('登记门岗');
    await pickHost();
    fillVisitor();
    fireEvent.click(screen.getByText('提交登记并通知被访人'));
    expect(await screen.findByText('已通知被访人，等待确认')).toBeTruthy();

    const reads = () =>
      sent.filter((r) => r.method === 'GET' && r.path === `/api/visitors/visits/${waiting.id}`);
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    await waitFor(() => expect(reads()).toHaveLength(1));
    expect(screen.getByText('已通知被访人，等待确认')).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(await screen.findByText('被访人未同意来访')).toBeTruthy();
    expect(screen.getByText('审批意见：今天不在单位')).toBeTruthy();
    expect(screen.queryByText('登记入园')).toBeNull();

    // decided: no more polling
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(reads()).toHaveLength(2);
  });

  it('is only for a guard at that gate', () => {
    useSession.getState().signIn({ tokens: tokens(1), me: guard([NORTH_GATE]) });
    taro.useRouter.mockReturnValue({ params: { gateId: EAST_GATE.id } });
    render(<WalkInPage />);

    expect(screen.getByText('您不负责该门岗，请从门岗工作台进入')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
