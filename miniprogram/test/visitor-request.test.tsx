import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ErrorCode } from '@dayuan/shared';
import { useGuestSession } from '@/stores/guest-session';
import RequestPage from '@/visitor/pages/request/index';
import { EAST_GATE, NORTH_GATE, errorBody } from './fixtures';
import { answerRequests, taro } from './taro-fakes';
import { BOOKING_CODE, bookingPage, guestSession, ID_NUMBER, visitorPass } from './visitor-fixtures';

const REQUEST_PATH = `/api/visitors/booking/${BOOKING_CODE}/requests`;
const PHONE = '13900000001';

type Reply = { statusCode: number; data: unknown };

/** Plays the server: the booking page, guest sign-in, and `onRequest` for the request itself. */
function serveBooking(onRequest: (body: unknown) => Reply = () => ({ statusCode: 200, data: pending() })) {
  answerRequests((key, { data }) => {
    switch (key) {
      case `GET /api/visitors/booking/${BOOKING_CODE}`:
        return { statusCode: 200, data: bookingPage };
      case 'POST /api/guest/sms-code':
        return { statusCode: 200, data: { phoneMasked: '139****0001', resendAfterSeconds: 60 } };
      case 'POST /api/guest/session':
        return { statusCode: 200, data: guestSession() };
      case `POST ${REQUEST_PATH}`:
        return onRequest(data);
      default:
        throw new Error(`unexpected ${key}`);
    }
  });
}

const pending = () =>
  visitorPass(1, {
    status: 'pending',
    awaiting: 'host',
    gates: [EAST_GATE, NORTH_GATE],
    windowStart: '2026-11-21T09:00:00+08:00',
    windowEnd: '2026-11-21T10:00:00+08:00',
  });

function sentRequests() {
  return taro.request.mock.calls
    .map(([o]) => o as { url: string; method: string; data: unknown; header: Record<string, string> })
    .filter((o) => o.method === 'POST' && new URL(o.url).pathname === REQUEST_PATH);
}

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

/** Opens a picker and confirms what it offers (today for the date; 09:00, then an hour later). */
function pick(label: string) {
  fireEvent.click(screen.getByText(label));
  fireEvent.click(screen.getByText('确定'));
}

/** Fills every required field of the form for the east gate (no ID number needed there). */
async function fillForm() {
  await screen.findByPlaceholderText('请输入您的姓名');
  type('请输入您的姓名', '张访客');
  type('请输入您的单位', '某某科技公司');
  type('如：商谈项目合作', '商谈项目合作');
  pick('选择日期');
  pick('开始时间');
  pick('结束时间');
  fireEvent.click(screen.getByText('东门'));
  fireEvent.click(screen.getByText('我已阅读并同意'));
}

describe('visitor request page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-21T08:00:00+08:00'));
    useGuestSession.getState().clear();
    taro.useRouter.mockReturnValue({ params: { c: BOOKING_CODE } });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the host, asks for the phone first, then offers the zones with their policy', async () => {
    serveBooking();
    render(<RequestPage />);

    expect(await screen.findByText('王小明')).toBeTruthy();
    expect(screen.getByText('办公厅/秘书处')).toBeTruthy();
    expect(screen.queryByText('提交预约')).toBeNull();

    type('请输入手机号', '13900000001');
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('验证码已发送至 139****0001')).toBeTruthy();
    type('请输入 6 位验证码', '135790');
    fireEvent.click(screen.getByText('验证'));

    expect(await screen.findByText('提交预约')).toBeTruthy();
    expect(screen.getByText('东门')).toBeTruthy();
    expect(screen.getByText('北门')).toBeTruthy();
    expect(screen.getByText('需登记身份证')).toBeTruthy();
    expect(screen.getByText('需审批人审批')).toBeTruthy();
    expect(screen.getByText('身份证号（选填）')).toBeTruthy();
    // The number typed at sign-in goes with the request; it is not asked again.
    expect(screen.queryByPlaceholderText('请输入已验证的手机号')).toBeNull();
  });

  it('asks for the verified phone number when the session came from an invitation link', async () => {
    useGuestSession.getState().save(guestSession());
    serveBooking();
    render(<RequestPage />);
    await fillForm();

    expect(screen.getByText('手机号（已验证 139****0001）')).toBeTruthy();
    fireEvent.click(screen.getByText('提交预约'));
    expect(screen.getByText('手机号格式不正确')).toBeTruthy();
    type('请输入已验证的手机号', '13700000009');
    fireEvent.click(screen.getByText('提交预约'));
    expect(screen.getByText('请填写已验证的手机号 139****0001')).toBeTruthy();
    expect(sentRequests()).toHaveLength(0);

    type('请输入已验证的手机号', PHONE);
    fireEvent.click(screen.getByText('提交预约'));
    expect(await screen.findByText('预约已提交')).toBeTruthy();
    expect(sentRequests()[0]?.data).toMatchObject({ phone: PHONE, gateIds: [EAST_GATE.id] });
  });

  it('checks the form before sending: date, zones, the ID number a chosen zone requires, the privacy consent', async () => {
    useGuestSession.getState().save(guestSession(), PHONE);
    serveBooking();
    render(<RequestPage />);

    fireEvent.click(await screen.findByText('提交预约'));
    expect(screen.getByText('姓名不能为空')).toBeTruthy();
    expect(screen.getByText('请填写来访事由')).toBeTruthy();
    expect(screen.getByText('请选择来访日期')).toBeTruthy();
    expect(screen.getByText('请至少选择一个通行区域')).toBeTruthy();
    expect(screen.getByText('请先阅读并同意个人信息告知')).toBeTruthy();

    type('请输入您的姓名', '张访客');
    type('如：商谈项目合作', '商谈项目合作');
    pick('选择日期');
    expect(screen.getByText('2026-11-21')).toBeTruthy();
    fireEvent.click(screen.getByText('提交预约'));
    expect(screen.getByText('请选择开始和结束时间')).toBeTruthy();

    pick('开始时间');
    pick('结束时间');
    expect(screen.getByText('09:00')).toBeTruthy();
    expect(screen.getByText('10:00')).toBeTruthy();
    fireEvent.click(screen.getByText('北门'));
    expect(screen.getByText('身份证号（所选区域要求登记）')).toBeTruthy();
    fireEvent.click(screen.getByText('提交预约'));
    expect(screen.getByText('所选区域要求登记身份证号')).toBeTruthy();
    expect(screen.getByText('请先阅读并同意个人信息告知')).toBeTruthy();
    expect(screen.queryByText('请选择开始和结束时间')).toBeNull();

    type('请输入 18 位身份证号', '110105194912310021');
    fireEvent.click(screen.getByText('我已阅读并同意'));
    fireEvent.click(screen.getByText('提交预约'));
    expect(screen.getByText('身份证号不正确')).toBeTruthy();
    expect(screen.queryByText('请先阅读并同意个人信息告知')).toBeNull();
    expect(sentRequests()).toHaveLength(0);
  });

  it('sends the request with the guest token and shows 待审批 with the way to the pass', async () => {
    useGuestSession.getState().save(guestSession(), PHONE);
    serveBooking();
    render(<RequestPage />);

    await fillForm();
    fireEvent.click(screen.getByText('北门'));
    type('请输入 18 位身份证号', ID_NUMBER.toLowerCase());
    type('如：浙A12345', '浙a·12345');
    fireEvent.click(screen.getByText('提交预约'));

    expect(await screen.findByText('预约已提交')).toBeTruthy();
    expect(screen.getByText('待审批')).toBeTruthy();
    expect(screen.getByText('等待被访人 王小明 审批，结果将以短信通知您。')).toBeTruthy();
    expect(screen.getByText('东门、北门')).toBeTruthy();
    const [sent] = sentRequests();
    expect(sent?.header.Authorization).toBe('Guest guest-token-0123456789');
    expect(sent?.data).toEqual({
      phone: PHONE,
      name: '张访客',
      company: '某某科技公司',
      purpose: '商谈项目合作',
      window: { date: '2026-11-21', startTime: '09:00', endTime: '10:00' },
      gateIds: [EAST_GATE.id, NORTH_GATE.id],
      plate: '浙A12345',
      idNumber: ID_NUMBER,
      acceptPrivacy: true,
    });

    fireEvent.click(screen.getByText('查看我的通行证 ›'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/visitor/pages/pass/index' });
  });

  it('shows the server’s field errors next to the fields and its refusals above the button', async () => {
    useGuestSession.getState().save(guestSession(), PHONE);
    const answers: Reply[] = [
      errorBody('VALIDATION_FAILED', [
        { path: 'body.plate', issue: '车牌号格式不正确' },
        { path: 'body.window.startTime', issue: '开始时间不能早于现在' },
      ]),
      errorBody('VISITORS_ID_NUMBER_REQUIRED'),
      ...(['VISITORS_HOST_DAILY_CAP', 'VISITORS_BLOCKED', 'RATE_LIMITED'] satisfies ErrorCode[]).map((code) =>
        errorBody(code),
      ),
    ];
    serveBooking(() => answers.shift()!);
    render(<RequestPage />);
    await fillForm();

    fireEvent.click(screen.getByText('提交预约'));
    expect(await screen.findByText('车牌号格式不正确')).toBeTruthy();
    expect(screen.getByText('开始时间不能早于现在')).toBeTruthy();

    fireEvent.click(screen.getByText('提交预约'));
    expect(await screen.findByText('所选区域要求登记身份证号')).toBeTruthy();
    expect(screen.queryByText('车牌号格式不正确')).toBeNull();

    for (const message of [
      '被访人当天的来访预约已满，请改约其他日期',
      '该访客在禁止来访名单中，无法登记',
      '操作太频繁，请稍后再试',
    ]) {
      fireEvent.click(screen.getByText('提交预约'));
      expect(await screen.findByText(message)).toBeTruthy();
    }
    expect(sentRequests()).toHaveLength(5);
    expect(screen.queryByText('预约已提交')).toBeNull();
  });

  it('asks for a new SMS code when the guest token is refused, keeping what was typed', async () => {
    useGuestSession.getState().save(guestSession(), PHONE);
    let refuse = true;
    serveBooking(() => (refuse ? errorBody('GUEST_TOKEN_INVALID') : { statusCode: 200, data: pending() }));
    render(<RequestPage />);
    await fillForm();

    fireEvent.click(screen.getByText('提交预约'));
    expect(await screen.findByText('验证已失效，请重新获取短信验证码')).toBeTruthy();
    expect(useGuestSession.getState().session).toBeNull();

    refuse = false;
    type('请输入手机号', '13900000001');
    fireEvent.click(screen.getByText('获取验证码'));
    await screen.findByText('验证码已发送至 139****0001');
    type('请输入 6 位验证码', '135790');
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByDisplayValue('张访客')).toBeTruthy();
    fireEvent.click(screen.getByText('提交预约'));
    expect(await screen.findByText('预约已提交')).toBeTruthy();
  });

  it('says so when the booking code is closed or malformed, and reads the code from a mini-program code scene', async () => {
    answerRequests(() => errorBody('VISITORS_BOOKING_CLOSED'));
    const { unmount } = render(<RequestPage />);
    expect(await screen.findByText('该预约码无效或已停用')).toBeTruthy();
    unmount();

    taro.useRouter.mockReturnValue({ params: { c: 'no!' } });
    taro.request.mockClear();
    const second = render(<RequestPage />);
    expect(screen.getByText('该预约码无效或已停用')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
    second.unmount();

    taro.useRouter.mockReturnValue({ params: { scene: encodeURIComponent(`c=${BOOKING_CODE}`) } });
    serveBooking();
    render(<RequestPage />);
    expect(await screen.findByText('办公厅/秘书处')).toBeTruthy();
  });
});
