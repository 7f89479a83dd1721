import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import WorkbenchPage from '@/pages/workbench/index';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { guard, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

function signInAs(roles: Parameters<typeof me>[0] | 'guard') {
  const person = roles === 'guard' ? guard() : me(roles);
  useSession.getState().signIn({ tokens: tokens(1), me: person });
  answerRequests((key) => {
    if (key === 'GET /api/me') return { statusCode: 200, data: person };
    throw new Error(`unexpected ${key}`);
  });
}

describe('workbench page', () => {
  it('shows a staff member the entry code first, then the directory', async () => {
    signInAs(['staff']);
    render(<WorkbenchPage />);

    expect(await screen.findByText('通讯录')).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.app-tile__title'), (el) => el.textContent);
    expect(titles).toEqual(['通行码', '访客', '会议室', '通讯录']);
    expect(screen.queryByText('人员导入')).toBeNull();
    expect(screen.queryByText('门岗核验')).toBeNull();
    expect(screen.getByText(/王小明/)).toBeTruthy();
    expect(screen.getByText(/办公厅\/秘书处/)).toBeTruthy();
    expect(taro.request.mock.calls[0]?.[0].url).toBe('http://api.test/api/me');
  });

  it('shows an admin the import and notification tiles too, and a tap opens the app', async () => {
    signInAs(['staff', 'admin']);
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('人员导入'));
    expect(screen.getByText('通讯录')).toBeTruthy();
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/directory/pages/import/index' });

    fireEvent.click(screen.getByText('发布通知'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/notifications/pages/announce/index' });
    fireEvent.click(screen.getByText('消息投递'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/notifications/pages/deliveries/index' });
  });

  it('shows a guard the 门岗核验 tile; the entry code tile opens the visitors subpackage', async () => {
    signInAs('guard');
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('门岗核验'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/visitors/pages/guard/index' });
    fireEvent.click(screen.getByText('通行码'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/visitors/pages/entry-code/index' });
    expect(screen.queryByText('人员导入')).toBeNull();
  });

  it('shows the unread count under 消息中心, on the tab bar too, and opens the inbox tab', async () => {
    signInAs(['staff']);
    render(<WorkbenchPage />);
    expect(await screen.findByText('暂无未读')).toBeTruthy();
    expect(screen.queryByText('发布通知')).toBeNull();
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 });

    act(() => useInbox.getState().setUnread(3));
    expect(screen.getByText('3')).toBeTruthy();
    expect(taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '3' });
    act(() => useInbox.getState().setUnread(120));
    expect(screen.getByText('99+')).toBeTruthy();

    fireEvent.click(screen.getByText('消息中心'));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/inbox/index' });
  });

  it('shows the error with 重试 when /api/me fails', async () => {
    signInAs(['staff']);
    useSession.setState({ me: null });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<WorkbenchPage />);

    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('通讯录')).toBeTruthy();
  });

  it('sends a signed-out visitor to login', () => {
    render(<WorkbenchPage />);
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(taro.request).not.toHaveBeenCalled();
  });
});
