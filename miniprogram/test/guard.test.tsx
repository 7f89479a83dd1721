import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { denyReasonLabels, type GateDecision } from '@dayuan/shared';
import { useSession } from '@/stores/session';
import type { Passage } from '@/visitors/guard-api';
import GuardPage from '@/visitors/pages/guard/index';
import { EAST_GATE, NORTH_GATE, errorBody, guard, me, tokens } from './fixtures';
import { taro } from './taro-fakes';
import { ok, passage, serve } from './visitors-guard-fixtures';

const CODE = `DY1.7c0d5a8e4a8b4d2e9f573f1f4b1d2a10.59060001.${'x'.repeat(43)}`;

/**
 * Signs in a guard; the server answers scans with `decide`, lists no passages the first time and
 * `passages` after that, and expects nobody.
 */
function serveGuard(
  decide: (body: unknown) => { statusCode: number; data: unknown },
  passages: Passage[],
  gates = [EAST_GATE],
) {
  useSession.getState().signIn({ tokens: tokens(1), me: guard(gates) });
  const scans: unknown[] = [];
  const listed = { count: 0 };
  serve((key, { body }) => {
    if (key === 'GET /api/visitors/guard/passages') {
      listed.count += 1;
      return ok({ items: listed.count === 1 ? [] : passages });
    }
    if (key === 'GET /api/visitors/guard/expected') return ok({ items: [] });
    if (key === 'POST /api/visitors/guard/scans') {
      scans.push(body);
      return decide(body);
    }
    if (key === 'GET /api/me') return ok(guard());
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

const tab = (label: string) => screen.getByText(label, { selector: '.guard__tab' });

async function openVerify() {
  fireEvent.click(await screen.findByText('核验', { selector: '.guard__tab' }));
}

async function typeAndVerify(code: string) {
  fireEvent.input(await screen.findByPlaceholderText('输入或粘贴通行码'), { target: { value: code } });
  fireEvent.click(screen.getByText('核验', { selector: 'button, taro-button-core, .button' }));
}

describe('guard console: 核验 and 通行记录', () => {
  it('checks a typed code at the guard’s gate and direction, then lists it under 通行记录', async () => {
    const { scans, listed } = serveGuard(() => ok(decision({})), [passage(1)]);
    render(<GuardPage />);

    expect(await screen.findByText('东门')).toBeTruthy();
    await openVerify();
    fireEvent.click(screen.getByText('出'));
    await typeAndVerify(`  ${CODE} `);

    expect(await screen.findByText('允许通行')).toBeTruthy();
    expect(scans).toEqual([{ gateId: EAST_GATE.id, code: CODE, direction: 'out' }]);
    expect(screen.getByText('东门 · 出门')).toBeTruthy();
    await waitFor(() => expect(listed.count).toBe(2));

    fireEvent.click(tab('通行记录'));
    expect(await screen.findByText('通过')).toBeTruthy();
    expect(screen.getByText('王*明（工作人员）')).toBeTruthy();
    expect(screen.getByText(/东门 · 进门 · 闸机/)).toBeTruthy();
    expect(taro.scanCode).not.toHaveBeenCalled();
  });

  it('shows 禁止通行 with the reason in Chinese, on the verdict and on the passage', async () => {
    const denied = decision({ decision: 'deny', reason: 'PASS_WRONG_GATE', display: '张*（访客）' });
    serveGuard(
      () => ok(denied),
      [passage(2, { decision: 'deny', reason: 'PASS_WRONG_GATE', via: 'guard', display: '张*（访客）' })],
    );
    render(<GuardPage />);
    await openVerify();
    await typeAndVerify(CODE);

    expect(await screen.findByText('禁止通行')).toBeTruthy();
    expect(screen.getByText(denyReasonLabels.PASS_WRONG_GATE)).toBeTruthy();
    expect(screen.getByText('东门 · 进门')).toBeTruthy();

    fireEvent.click(tab('通行记录'));
    expect(await screen.findByText('拒绝')).toBeTruthy();
    expect(screen.getByText(denyReasonLabels.PASS_WRONG_GATE)).toBeTruthy();
  });

  it('shows the guard’s note on a passage let through by hand', async () => {
    serveGuard(
      () => ok(decision({})),
      [passage(3, { via: 'guard', note: '访客手机没电，已核对身份证', display: '访*1（访客）' })],
    );
    render(<GuardPage />);
    await screen.findByText('东门');

    fireEvent.click(tab('通行记录'));
    expect(await screen.findByText('备注：访客手机没电，已核对身份证')).toBeTruthy();
    expect(screen.getByText(/东门 · 进门 · 人工核验/)).toBeTruthy();
  });

  it('asks for a code before checking, and reloads the gates when the server says they changed', async () => {
    const { scans } = serveGuard(() => errorBody('VISITORS_NOT_YOUR_GATE'), []);
    render(<GuardPage />);
    await openVerify();

    fireEvent.click(screen.getByText('核验', { selector: 'button, taro-button-core, .button' }));
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
    const { scans } = serveGuard(() => ok(decision({})), [], [EAST_GATE, NORTH_GATE]);
    render(<GuardPage />);

    expect(await screen.findByText('东门 ›')).toBeTruthy();
    await openVerify();
    await typeAndVerify(CODE);
    expect(await screen.findByText('允许通行')).toBeTruthy();
    expect(scans).toEqual([{ gateId: EAST_GATE.id, code: CODE, direction: 'in' }]);
  });

  it('shows the passages error with 重试', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: guard() });
    let failures = 2;
    serve((key) => {
      if (key === 'GET /api/visitors/guard/expected') return ok({ items: [] });
      if (key === 'GET /api/visitors/guard/passages') {
        if (failures-- > 0) return errorBody('INTERNAL_ERROR');
        return ok({ items: [passage(3)] });
      }
      throw new Error(`unexpected ${key}`);
    });
    render(<GuardPage />);
    await screen.findByText('东门');
    fireEvent.click(tab('通行记录'));

    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('王*明（工作人员）')).toBeTruthy();
  });

  it('is only for guards', () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
    render(<GuardPage />);
    expect(screen.getByText('仅门岗人员可以使用门岗工作台')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
