import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '@/pages/me/index';
import { SESSION_STORAGE_KEY, useSession } from '@/stores/session';
import { me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-stubs';

describe('me page', () => {
  it('shows the masked phone and role labels', async () => {
    const person = me(['staff', 'admin']);
    useSession.getState().signIn({ tokens: tokens(1), me: person });
    answerRequests(() => ({ statusCode: 200, data: person }));
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
});
