import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '@/pages/me/index';
import { SESSION_STORAGE_KEY, useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

describe('me page', () => {
  it('shows the masked phone and role labels', async () => {
    const person = me(['staff', 'admin']);
    useSession.getState().signIn({ tokens: tokens(1), me: person });
    answerRequests((key) =>
      key === 'GET /api/notifications/preferences'
        ? { statusCode: 200, data: { mutedCategories: [] } }
        : { statusCode: 200, data: person },
    );
    render(<MePage />);

    expect(await screen.findByText('138****5678')).toBeTruthy();
    expect(screen.getByText('工作人员')).toBeTruthy();
    expect(screen.getByText('管理员')).toBeTruthy();
    expect(screen.getByText('E1001')).toBeTruthy();
    expect(screen.getByText('办公厅/秘书处')).toBeTruthy();
    expect(screen.queryByText('13812345678')).toBeNull();
  });

  it('logs out: revokes the session on the server, forgets it and returns to login', async () => {
    const person = me(['staff']);
    useSession.getState().signIn({ tokens: tokens(1), me: person });
    answerRequests((key) => {
      if (key === 'GET /api/me') return { statusCode: 200, data: person };
      if (key === 'POST /api/auth/logout') return { statusCode: 200, data: { ok: true } };
      if (key === 'GET /api/notifications/preferences') {
        return { statusCode: 200, data: { mutedCategories: [] } };
      }
      throw new Error(`unexpected ${key}`);
    });
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    const logout = taro.request.mock.calls.find(([o]) => o.url === 'http://api.test/api/auth/logout')?.[0];
    expect(logout).toMatchObject({ method: 'POST', header: { Authorization: 'Bearer access-token-1' } });
    expect(useSession.getState().tokens).toBeNull();
    const stored = localStorage.getItem(SESSION_STORAGE_KEY);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain('access-token-1');
  });

  it('mutes a category with its switch in 消息设置, saving the preferences', async () => {
    const person = me(['staff']);
    useSession.getState().signIn({ tokens: tokens(1), me: person });
    answerRequests((key, { data }) => {
      if (key === 'GET /api/me') return { statusCode: 200, data: person };
      if (key === 'GET /api/notifications/preferences') {
        return { statusCode: 200, data: { mutedCategories: ['canteen'] } };
      }
      if (key === 'PUT /api/notifications/preferences') return { statusCode: 200, data };
      throw new Error(`unexpected ${key}`);
    });
    render(<MePage />);

    expect(await screen.findByText('消息设置')).toBeTruthy();
    expect(screen.getByText(/紧急通知不受影响/)).toBeTruthy();
    const switchOf = (label: string) => screen.getByText(label).parentElement!.querySelector('input')!;
    await waitFor(() => expect(switchOf('食堂').checked).toBe(false));
    expect(switchOf('通知公告').checked).toBe(true);

    fireEvent.click(switchOf('通知公告'));

    await waitFor(() => {
      const put = taro.request.mock.calls.find(([o]) => o.method === 'PUT')?.[0];
      expect(put).toMatchObject({
        url: 'http://api.test/api/notifications/preferences',
        data: { mutedCategories: ['canteen', 'announcement'] },
      });
    });
    await waitFor(() => expect(switchOf('通知公告').checked).toBe(false));
  });

  it('puts the switch back when saving fails', async () => {
    const person = me(['staff']);
    useSession.getState().signIn({ tokens: tokens(1), me: person });
    answerRequests((key) => {
      if (key === 'GET /api/me') return { statusCode: 200, data: person };
      if (key === 'GET /api/notifications/preferences') {
        return { statusCode: 200, data: { mutedCategories: [] } };
      }
      return errorBody('INTERNAL_ERROR');
    });
    render(<MePage />);
    const input = () => screen.getByText('会议室').parentElement!.querySelector('input')!;
    await waitFor(() => expect(input().checked).toBe(true));

    fireEvent.click(input());

    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '系统繁忙，请稍后再试' })),
    );
    expect(input().checked).toBe(true);
  });
});
