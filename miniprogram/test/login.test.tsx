import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import LoginPage from '@/pages/login/index';
import { useSession } from '@/stores/session';
import { me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const bindTicket = 'bind-ticket-0123456789abcdef';

function startAsNewWechatUser() {
  answerRequests((key) => {
    switch (key) {
      case 'GET /__mock/wx/accounts':
        return {
          statusCode: 200,
          data: [
            {
              openid: 'o-demo-1',
              name: '李主任',
              employeeNo: 'E0001',
              department: '办公厅',
              roleLabels: ['管理员'],
            },
          ],
        };
      case 'POST /__mock/wx/login':
        return { statusCode: 200, data: { code: 'wx-code-1' } };
      case 'POST /api/auth/wechat-login':
        return {
          statusCode: 200,
          data: { status: 'bind_required', bindTicket, expiresAt: '2026-11-21T12:10:00+08:00' },
        };
      case 'POST /api/auth/sms-code':
        return { statusCode: 200, data: { phoneMasked: '138****5678', resendAfterSeconds: 60 } };
      case 'POST /api/auth/bind-sms':
        return { statusCode: 200, data: { tokens: tokens(1), me: me() } };
      default:
        throw new Error(`unexpected ${key}`);
    }
  });
}

function requested(path: string) {
  return taro.request.mock.calls.map(([o]) => o).filter((o) => new URL(o.url).pathname === path);
}

describe('login page', () => {
  it('lists the demo WeChat accounts in H5 mock mode', async () => {
    startAsNewWechatUser();
    render(<LoginPage />);

    expect(await screen.findByText('李主任 · E0001')).toBeTruthy();
    expect(screen.getByText('以新微信用户登录')).toBeTruthy();
  });

  it('validates the bind form (6-digit code) before binding, then signs in', async () => {
    startAsNewWechatUser();
    render(<LoginPage />);

    fireEvent.click(screen.getByText('以新微信用户登录'));
    const employeeNo = await screen.findByPlaceholderText('请输入工号');
    expect(requested('/__mock/wx/login')[0]?.data).toMatchObject({ openid: expect.stringMatching(/^o/) });

    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText(/工号应为/)).toBeTruthy();
    expect(requested('/api/auth/sms-code')).toHaveLength(0);

    fireEvent.input(employeeNo, { target: { value: 'e1001' } });
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('60 秒后重发')).toBeTruthy();
    expect(screen.getByText('验证码已发送至 138****5678')).toBeTruthy();
    expect(requested('/api/auth/sms-code')[0]?.data).toEqual({ bindTicket, employeeNo: 'E1001' });

    const code = screen.getByPlaceholderText('请输入短信验证码');
    fireEvent.input(code, { target: { value: '123' } });
    fireEvent.click(screen.getByText('绑定并登录'));
    expect(await screen.findByText('验证码为 6 位数字')).toBeTruthy();
    expect(requested('/api/auth/bind-sms')).toHaveLength(0);

    fireEvent.input(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByText('绑定并登录'));
    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/workbench/index' }));
    expect(requested('/api/auth/bind-sms')[0]?.data).toEqual({
      bindTicket,
      employeeNo: 'E1001',
      smsCode: '123456',
    });
    expect(useSession.getState().me?.name).toBe('王小明');
  });
});
