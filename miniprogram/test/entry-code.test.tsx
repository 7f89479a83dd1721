import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import QRCode from 'qrcode';
import { useSession } from '@/stores/session';
import EntryCodePage from '@/visitors/pages/entry-code/index';
import { me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const codeOf = (n: number) => `DY1.7c0d5a8e4a8b4d2e9f573f1f4b1d2a10.5906000${n}.${'x'.repeat(42)}${n}`;

/** Answers the entry-code route with code 1, 2, … and counts the calls. */
function serveCodes(refreshInSeconds = 30) {
  const served = { count: 0 };
  answerRequests((key) => {
    if (key !== 'GET /api/visitors/entry-code') throw new Error(`unexpected ${key}`);
    served.count += 1;
    return {
      statusCode: 200,
      data: { code: codeOf(served.count), expiresAt: '2026-11-21T09:01:00.000Z', refreshInSeconds },
    };
  });
  return served;
}

/** The data URI of the <img> the QR code renders into. */
function qrSource(): string {
  return document.querySelector('.entry-code__qr img, img.entry-code__qr')?.getAttribute('src') ?? '';
}

async function expectQrOf(code: string) {
  const svg = await QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await waitFor(() =>
    expect(qrSource()).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`),
  );
}

/** Plays a page show/hide: runs the callbacks the page gave the (faked) lifecycle hook. */
function fire(hook: typeof taro.useDidShow) {
  for (const [callback] of hook.mock.calls) (callback as () => void)();
}

describe('entry code page', () => {
  beforeEach(() => {
    // Only the countdown's clock is faked; React Testing Library keeps real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-21T09:00:00+08:00'));
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff']) });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the person and a QR code of the code, and fetches the next one when the countdown ends', async () => {
    const served = serveCodes(30);
    render(<EntryCodePage />);

    expect(await screen.findByText(codeOf(1))).toBeTruthy();
    expect(screen.getByText('王小明')).toBeTruthy();
    expect(screen.getByText('办公厅/秘书处')).toBeTruthy();
    expect(screen.getByText('二维码每 30 秒自动刷新，截图无效')).toBeTruthy();
    expect(screen.getByText('30 秒后自动刷新')).toBeTruthy();
    await expectQrOf(codeOf(1));

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByText('29 秒后自动刷新')).toBeTruthy();
    expect(served.count).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(await screen.findByText(codeOf(2))).toBeTruthy();
    expect(served.count).toBe(2);
    expect(screen.getByText('30 秒后自动刷新')).toBeTruthy();
    await expectQrOf(codeOf(2));
  });

  it('stops while hidden and fetches a fresh code when shown again', async () => {
    const served = serveCodes(5);
    render(<EntryCodePage />);
    expect(await screen.findByText(codeOf(1))).toBeTruthy();

    act(() => fire(taro.useDidHide));
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(served.count).toBe(1);

    act(() => fire(taro.useDidShow));
    expect(await screen.findByText(codeOf(2))).toBeTruthy();
    expect(screen.getByText('5 秒后自动刷新')).toBeTruthy();
  });

  it('shows the error with 重试 and no stale countdown when a refresh fails', async () => {
    const served = serveCodes(2);
    render(<EntryCodePage />);
    expect(await screen.findByText(codeOf(1))).toBeTruthy();

    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(served.count).toBe(1);

    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText(codeOf(2))).toBeTruthy();
  });
});
