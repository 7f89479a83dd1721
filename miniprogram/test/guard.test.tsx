import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { denyReasonLabels, type GateDecision } from '@dayuan/shared';
import { useSession } from '@/stores/session';
import type { Passage } from '@/visitors/api';
import GuardPage from '@/visitors/pages/guard/index';
import { EAST_GATE, NORTH_GATE, errorBody, guard, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const CODE = `DY1.7c0d5a8e4a8b4d2e9f573f1f4b1d2a10.59060001.${'x'.repeat(43)}`;

function passage(n: number, overrides: Partial<Passage> = {}): Passage {
  return {
    id: String(n),
    at: new Date().toISOString(),
    gate: EAST_GATE,
    direction: 'in',
    decision: 'allow',
    reason: null,
    display: `王*明（工作人员）`,
    via: 'device',
    ...overrides,
  };
}

/** Signs in a guard at the east gate; the server answers scans with `decide` and lists `passages`. */
function serveGuard(
  decide: (body: unknown) => { statusCode: number; data: unknown },
  passages: Passage[],
  gates = [EAST_GATE],
) {
  useSession.getState().signIn({ tokens: tokens(1), me: guard(gates) });
  const scans: unknown[] = [];
  const listed = { count: 0 };
  answerRequests((key, { data }) => {
    if (key === 'GET /api/visitors/guard/passages') {
      listed.count += 1;
      return { statusCode: 200, data: { items: listed.count === 1 ? [] : passages } };
    }
    if (key === 'POST /api/visitors/guard/scans') {
      scans.push(data);
      return decide(data);
    }
    if (key === 'GET /api/me') return { statusCode: 200, data: guard() };
    throw new Error(`unexpected ${key}`);
  });
  return { scans, listed };
}

const decision = (overrides: Partial<GateDecision>): GateDecision => ({
  decision: 'allow',
  reason: null,
  display: '王*明（工作人员）',
  passageId: '1',
  ...overrides,
});

async function typeAndVerify(code: string) {
  fireEvent.input(await screen.findByPlaceholderText('输入或粘贴通行码'), { target: { value: code } });
  fireEvent.click(screen.getByText('核验'));
}

describe('guard page', () => {
  it('checks a typed code at the guard’s gate and direction, then lists it', async () => {
    const { scans, listed } = serveGuard(() => ({ statusCode: 200, data: decision({}) }), [passage(1)]);
    render(<GuardPage />);

    expect(await screen.findByText('今日暂无通行记录')).toBeTruthy();
    expect(screen.getByText('东门')).toBeTruthy();
    fireEvent.click(screen.getByText('出'));
    await typeAndVerify(`  ${CODE} `);

    expect(await screen.findByText('允许通行')).toBeTruthy();
    expect(scans).toEqual([{ gateId: EAST_GATE.id, code: CODE, direction: 'out' }]);
    expect(screen.getByText('东门 · 出门')).toBeTruthy();
    await waitFor(() => expect(listed.count).toBe(2));
    expect(await screen.findByText('通过')).toBeTruthy();
    expect(screen.getAllByText('王*明（工作人员）')).toHaveLength(2);
    expect(screen.getByText(/东门 · 进门 · 闸机/)).toBeTruthy();
    expect(taro.scanCode).not.toHaveBeenCalled();
  });

  it('shows 禁止通行 with the reason in Chinese', async () => {
    const denied = decision({ decision: 'deny', reason: 'CODE_REPLAYED' });
    serveGuard(
      () => ({ statusCode: 200, data: denied }),
      [passage(2, { decision: 'deny', reason: 'CODE_REPLAYED', via: 'guard' })],
    );
    render(<GuardPage />);
    await typeAndVerify(CODE);

    expect(await screen.findByText('禁止通行')).toBeTruthy();
    expect(screen.getByText('东门 · 进门')).toBeTruthy();
    expect(await screen.findByText('拒绝')).toBeTruthy();
    // once on the verdict, once on the passage
    expect(screen.getAllByText(denyReasonLabels.CODE_REPLAYED)).toHaveLength(2);
  });

  it('asks for a code before checking, and reloads the gates when the server says they changed', async () => {
    const { scans } = serveGuard(() => errorBody('VISITORS_NOT_YOUR_GATE'), []);
    render(<GuardPage />);

    fireEvent.click(await screen.findByText('核验'));
    expect(screen.getByText('请输入通行码')).toBeTruthy();
    expect(scans).toEqual([]);

    await typeAndVerify(CODE);
    expect(await screen.findByText('您不负责该门岗')).toBeTruthy();
    expect(screen.queryByText('允许通行')).toBeNull();
    await waitFor(() =>
      expect(taro.request.mock.calls.some(([options]) => new URL(options.url).pathname === '/api/me')).toBe(
        true,
      ),
    );
  });

  it('offers a guard at two gates a picker, the first gate chosen', async () => {
    const { scans } = serveGuard(
      () => ({ statusCode: 200, data: decision({}) }),
      [],
      [EAST_GATE, NORTH_GATE],
    );
    render(<GuardPage />);

    expect(await screen.findByText('东门 ›')).toBeTruthy();
    await typeAndVerify(CODE);
    expect(await screen.findByText('允许通行')).toBeTruthy();
    expect(scans).toEqual([{ gateId: EAST_GATE.id, code: CODE, direction: 'in' }]);
  });

  it('shows the passages error with 重试', async () => {
    serveGuard(() => ({ statusCode: 200, data: decision({}) }), [passage(3)]);
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<GuardPage />);

    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('今日暂无通行记录')).toBeTruthy();
  });

  it('is only for guards', () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
    render(<GuardPage />);
    expect(screen.getByText('仅门岗人员可以使用门岗核验')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
