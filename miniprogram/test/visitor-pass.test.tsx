import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import drawQrcode from 'weapp-qrcode';
import type { VisitorPass } from '@dayuan/shared';
import { GUEST_SESSION_STORAGE_KEY, useGuestSession } from '@/stores/guest-session';
import PassPage from '@/visitor/pages/pass/index';
import { errorBody } from './fixtures';
import { answerRequests, taro } from './taro-fakes';
import {
  guestSession,
  ID_NUMBER,
  ID_NUMBER_MASKED,
  invitation,
  LINK_TOKEN,
  visitorPass,
} from './visitor-fixtures';

vi.mock('weapp-qrcode', () => ({ default: vi.fn() }));

const codeOf = (n: number) => `DYV1.b1f0c7a25d3e4f6a8b9c0d1e2f3a4b51.5906000${n}.${'x'.repeat(42)}${n}`;

type Handler = (
  key: string,
  options: { header: Record<string, string>; data: unknown },
) => {
  statusCode: number;
  data: unknown;
};

/** Plays the server: the invitation link, SMS codes, guest sessions, passes and rotating pass codes. */
function serveVisitor(passes: () => VisitorPass[], extra: Handler = () => errorBody('INTERNAL_ERROR')) {
  const codes = { served: 0 };
  answerRequests((key, options) => {
    switch (key) {
      case `GET /api/visitors/links/${LINK_TOKEN}`:
        return { statusCode: 200, data: invitation };
      case `POST /api/visitors/links/${LINK_TOKEN}/sms-code`:
        return { statusCode: 200, data: { phoneMasked: '139****0001', resendAfterSeconds: 60 } };
      case `POST /api/visitors/links/${LINK_TOKEN}/session`:
        return (options.data as { code: string }).code === '246810'
          ? { statusCode: 200, data: guestSession() }
          : errorBody('GUEST_SMS_CODE_INVALID');
      case 'GET /api/visitors/my/passes':
        return { statusCode: 200, data: { items: passes() } };
    }
    if (/^GET \/api\/visitors\/my\/passes\/[^/]+\/code$/.test(key)) {
      codes.served += 1;
      const code = codeOf(codes.served);
      return {
        statusCode: 200,
        data: { code, expiresAt: '2026-11-21T09:01:00+08:00', refreshInSeconds: 30 },
      };
    }
    return extra(key, options);
  });
  return codes;
}

function requests(method: string, path: string) {
  return taro.request.mock.calls
    .map(([o]) => o as { url: string; method: string; header: Record<string, string>; data: unknown })
    .filter((o) => o.method === method && new URL(o.url).pathname === path);
}

const openedWith = (params: Record<string, string>) => taro.useRouter.mockReturnValue({ params });

const drawnTexts = () => vi.mocked(drawQrcode).mock.calls.map(([options]) => options.text);

describe('visitor pass page', () => {
  beforeEach(() => {
    // Only the countdowns' clock is faked; React Testing Library keeps real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-21T08:00:00+08:00'));
    useGuestSession.getState().clear();
    // The page draws on the canvas of its (absent) Taro page; weapp-qrcode itself is faked.
    vi.spyOn(Taro, 'createCanvasContext').mockReturnValue({
      setFillStyle: vi.fn(),
      fillRect: vi.fn(),
    } as unknown as Taro.CanvasContext);
  });
  afterEach(() => vi.useRealTimers());

  it('opened from the SMS link: shows the invitation, proves the invited phone by SMS code and lists the passes', async () => {
    openedWith({ t: LINK_TOKEN });
    serveVisitor(() => [visitorPass(1, { status: 'pending', awaiting: 'host' })]);
    render(<PassPage />);

    expect(await screen.findByText('王小明 邀请您来访')).toBeTruthy();
    expect(screen.getByText('11月21日 09:00–11:30')).toBeTruthy();
    expect(screen.getByText('受邀手机号 139****0001')).toBeTruthy();
    expect(requests('GET', '/api/visitors/my/passes')).toHaveLength(0);

    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('60 秒后重新获取')).toBeTruthy();
    expect(screen.getByText('验证码已发送至 139****0001')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(screen.getByText('59 秒后重新获取')).toBeTruthy();

    const code = screen.getByPlaceholderText('请输入 6 位验证码');
    fireEvent.input(code, { target: { value: '12345' } });
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByText('验证码为 6 位数字')).toBeTruthy();
    expect(requests('POST', `/api/visitors/links/${LINK_TOKEN}/session`)).toHaveLength(0);

    fireEvent.input(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByText('短信验证码错误或已过期')).toBeTruthy();

    fireEvent.input(code, { target: { value: '246810' } });
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByText('等待被访人 王小明 审批，审批通过后可在此查看通行码。')).toBeTruthy();
    expect(screen.getByText('等待审批', { selector: '.pass-card__status' })).toBeTruthy();
    expect(useGuestSession.getState().session).toEqual(guestSession());
    expect(Taro.getStorageSync(GUEST_SESSION_STORAGE_KEY)).toEqual(guestSession());
    const [listed] = requests('GET', '/api/visitors/my/passes');
    expect(listed?.header.Authorization).toBe('Guest guest-token-0123456789');
    expect(requests('GET', `/api/visitors/my/passes/${visitorPass(1).id}/code`)).toHaveLength(0);
    expect(drawQrcode).not.toHaveBeenCalled();
  });

  it('opened again later, shows the passes at once; a refused guest token asks for the code again', async () => {
    useGuestSession.getState().save(guestSession());
    openedWith({ t: LINK_TOKEN });
    let refuse = false;
    serveVisitor(() => [visitorPass(1, { status: 'pending', awaiting: 'host' })]);
    const served = taro.request.getMockImplementation()!;
    taro.request.mockImplementation(async (options: { url: string; method: string }) =>
      refuse && new URL(options.url).pathname === '/api/visitors/my/passes'
        ? { ...errorBody('GUEST_TOKEN_INVALID'), header: {}, errMsg: 'request:ok' }
        : served(options),
    );
    const { unmount } = render(<PassPage />);

    expect(await screen.findByText('已验证手机号 139****0001')).toBeTruthy();
    expect(await screen.findByText('等待审批', { selector: '.pass-card__status' })).toBeTruthy();
    expect(screen.queryByText('获取验证码')).toBeNull();
    unmount();

    refuse = true;
    render(<PassPage />);
    expect(await screen.findByText('验证已失效，请重新获取短信验证码')).toBeTruthy();
    expect(screen.getByText('获取验证码')).toBeTruthy();
    expect(useGuestSession.getState().session).toBeNull();
    expect(Taro.getStorageSync(GUEST_SESSION_STORAGE_KEY)).toBe('');
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('asks for the code when the stored guest session belongs to another phone than the link', async () => {
    useGuestSession.getState().save(guestSession({ phoneMasked: '137****9999' }));
    openedWith({ t: LINK_TOKEN });
    serveVisitor(() => []);
    render(<PassPage />);

    expect(await screen.findByText('王小明 邀请您来访')).toBeTruthy();
    expect(screen.getByText('获取验证码')).toBeTruthy();
    expect(requests('GET', '/api/visitors/my/passes')).toHaveLength(0);
  });

  it('blocks the profile form without the privacy consent and a valid ID number, then shows the QR code', async () => {
    useGuestSession.getState().save(guestSession());
    openedWith({});
    const incomplete = visitorPass(1, { remaining: { idNumber: true, privacy: true } });
    const completed = visitorPass(1, {
      profile: { ...incomplete.profile, idNumberMasked: ID_NUMBER_MASKED },
    });
    const profilePath = `/api/visitors/my/passes/${incomplete.id}/profile`;
    serveVisitor(
      () => [incomplete],
      (key) => {
        if (key === `PUT ${profilePath}`) return { statusCode: 200, data: completed };
        throw new Error(`unexpected ${key}`);
      },
    );
    render(<PassPage />);

    expect(await screen.findByText('请补充身份证号并确认个人信息告知，完成后即可查看通行码')).toBeTruthy();
    expect(screen.getByText('保存期限：来访结束后保存 30 天，到期自动删除。')).toBeTruthy();
    expect(screen.getByText(/身份证号加密保存/)).toBeTruthy();

    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('请填写身份证号')).toBeTruthy();
    expect(screen.getByText('请先阅读并同意个人信息告知')).toBeTruthy();

    const idInput = screen.getByPlaceholderText('请输入 18 位身份证号');
    fireEvent.input(idInput, { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByText('我已阅读并同意'));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('身份证号不正确')).toBeTruthy();
    expect(screen.queryByText('请先阅读并同意个人信息告知')).toBeNull();

    fireEvent.input(idInput, { target: { value: ID_NUMBER.toLowerCase() } });
    fireEvent.click(screen.getByText('我已阅读并同意'));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('请先阅读并同意个人信息告知')).toBeTruthy();
    expect(requests('PUT', profilePath)).toHaveLength(0);
    expect(requests('GET', `/api/visitors/my/passes/${incomplete.id}/code`)).toHaveLength(0);

    fireEvent.click(screen.getByText('我已阅读并同意'));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText(codeOf(1))).toBeTruthy();
    expect(requests('PUT', profilePath)[0]?.data).toEqual({ idNumber: ID_NUMBER, acceptPrivacy: true });
    expect(requests('PUT', profilePath)[0]?.header.Authorization).toBe('Guest guest-token-0123456789');
    expect(screen.getByText(ID_NUMBER_MASKED)).toBeTruthy();
    expect(screen.queryByText('我已阅读并同意')).toBeNull();
    await vi.waitFor(() => expect(drawnTexts()).toEqual([codeOf(1)]));
  });

  it('shows the QR code only for an approved, completed pass and refreshes it when refreshInSeconds runs out', async () => {
    useGuestSession.getState().save(guestSession());
    openedWith({});
    const approved = visitorPass(1);
    const codes = serveVisitor(() => [
      approved,
      visitorPass(2, { status: 'pending', awaiting: 'approver' }),
      visitorPass(3, { status: 'rejected', decisionNote: '当天会议室已满，请改约' }),
      visitorPass(4, { status: 'cancelled' }),
      visitorPass(5, { status: 'expired' }),
      visitorPass(6, { remaining: { idNumber: false, privacy: true } }),
      // approved, but its window is over: the sweeper has not marked it yet
      visitorPass(7, { windowStart: '2026-11-21T06:00:00+08:00', windowEnd: '2026-11-21T07:00:00+08:00' }),
    ]);
    render(<PassPage />);

    expect(await screen.findByText(codeOf(1))).toBeTruthy();
    expect(document.querySelector('[data-code]')?.getAttribute('data-code')).toBe(codeOf(1));
    expect(screen.getByText('30 秒后自动刷新')).toBeTruthy();
    expect(screen.getAllByText('东门').length).toBeGreaterThan(0);
    expect(screen.getAllByText('已用 0 / 2 次').length).toBeGreaterThan(0);
    expect(screen.getAllByText('张访客（某某科技公司）').length).toBeGreaterThan(0);
    expect(screen.getByText('王小明 已同意，等待审批人审批，审批通过后可在此查看通行码。')).toBeTruthy();
    expect(screen.getByText('来访申请未通过')).toBeTruthy();
    expect(screen.getByText('说明：当天会议室已满，请改约')).toBeTruthy();
    expect(screen.getByText('本次来访已取消')).toBeTruthy();
    expect(screen.getAllByText('通行证已过期')).toHaveLength(2);
    expect(screen.getByText('请确认个人信息告知，完成后即可查看通行码')).toBeTruthy();

    const codeRequests = () =>
      taro.request.mock.calls.filter(([o]) => /\/code$/.test(new URL((o as { url: string }).url).pathname));
    expect(codeRequests()).toHaveLength(1);
    expect(new URL((codeRequests()[0]![0] as { url: string }).url).pathname).toBe(
      `/api/visitors/my/passes/${approved.id}/code`,
    );
    await vi.waitFor(() => expect(drawnTexts()).toEqual([codeOf(1)]));
    expect(vi.mocked(drawQrcode).mock.calls[0]?.[0]).toMatchObject({ width: 216, x: 12, y: 12 });

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(await screen.findByText(codeOf(2))).toBeTruthy();
    expect(codes.served).toBe(2);
    await vi.waitFor(() => expect(drawnTexts()).toEqual([codeOf(1), codeOf(2)]));
  });

  it('keeps the code readable when the canvas cannot be drawn', async () => {
    useGuestSession.getState().save(guestSession());
    openedWith({});
    serveVisitor(() => [visitorPass(1)]);
    vi.mocked(Taro.createCanvasContext).mockImplementation(() => {
      throw new Error('在已加载页面中没有找到对应的容器元素。');
    });
    render(<PassPage />);

    expect(await screen.findByText('二维码显示失败，请向门岗出示下方号码')).toBeTruthy();
    expect(screen.getByText(codeOf(1))).toBeTruthy();
    expect(drawQrcode).not.toHaveBeenCalled();
  });

  it('without a link asks for the phone and an SMS code, then shows an empty list', async () => {
    openedWith({});
    serveVisitor(
      () => [],
      (key) => {
        if (key === 'POST /api/guest/sms-code') {
          return { statusCode: 200, data: { phoneMasked: '139****0001', resendAfterSeconds: 60 } };
        }
        if (key === 'POST /api/guest/session') return { statusCode: 200, data: guestSession() };
        throw new Error(`unexpected ${key}`);
      },
    );
    render(<PassPage />);

    const phone = screen.getByPlaceholderText('请输入手机号');
    fireEvent.input(phone, { target: { value: '1390000' } });
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('手机号格式不正确')).toBeTruthy();
    expect(requests('POST', '/api/guest/sms-code')).toHaveLength(0);

    fireEvent.input(phone, { target: { value: '13900000001' } });
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('60 秒后重新获取')).toBeTruthy();
    expect(requests('POST', '/api/guest/sms-code')[0]?.data).toEqual({ phone: '13900000001' });

    fireEvent.input(screen.getByPlaceholderText('请输入 6 位验证码'), { target: { value: '135790' } });
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByText(/暂无来访通行证/)).toBeTruthy();
    expect(requests('POST', '/api/guest/session')[0]?.data).toEqual({ phone: '13900000001', code: '135790' });
    expect(useGuestSession.getState().phone).toBe('13900000001');
  });

  it('says a broken link is invalid and offers the phone sign-in; a signed-in visitor still sees the passes', async () => {
    openedWith({ t: 'not a token' });
    serveVisitor(() => [visitorPass(1, { status: 'pending', awaiting: 'host' })]);
    const { unmount } = render(<PassPage />);
    expect(screen.getByText('链接无效或已失效')).toBeTruthy();
    expect(screen.getByPlaceholderText('请输入手机号')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
    unmount();

    useGuestSession.getState().save(guestSession());
    openedWith({ t: LINK_TOKEN });
    answerRequests((key) =>
      key === 'GET /api/visitors/my/passes'
        ? { statusCode: 200, data: { items: [visitorPass(1, { status: 'expired' })] } }
        : errorBody('VISITORS_LINK_INVALID'),
    );
    render(<PassPage />);
    expect(await screen.findByText('通行证已过期')).toBeTruthy();
  });

  it('shows a network failure with 重试', async () => {
    openedWith({ t: LINK_TOKEN });
    serveVisitor(() => []);
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<PassPage />);

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('王小明 邀请您来访')).toBeTruthy();
  });
});
