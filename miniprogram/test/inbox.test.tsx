import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InboxItem } from '@dayuan/shared';
import InboxPage from '@/pages/inbox/index';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { errorBody, inboxItem, me, pageOf, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const READ_AT = '2026-11-21T10:00:00+08:00';

/** Serves the inbox routes from `items` (newest first), keeping their read state. */
function serveInbox(items: InboxItem[]) {
  useSession.getState().signIn({ tokens: tokens(1), me: me() });
  answerRequests((key, { data }) => {
    const id = /^POST \/api\/notifications\/(.+)\/read$/.exec(key)?.[1];
    if (id) {
      const index = items.findIndex((i) => i.id === id);
      items[index] = { ...items[index]!, readAt: READ_AT };
      return { statusCode: 200, data: items[index] };
    }
    switch (key) {
      case 'GET /api/notifications':
        return { statusCode: 200, data: pageOf(items) };
      case 'GET /api/notifications/unread-count':
        return { statusCode: 200, data: { count: items.filter((i) => !i.readAt).length } };
      case 'POST /api/notifications/read-all':
        items.forEach((item, index) => (items[index] = { ...item, readAt: item.readAt ?? READ_AT }));
        return { statusCode: 200, data: { updated: 1 } };
      default:
        throw new Error(`unexpected ${key} ${JSON.stringify(data)}`);
    }
  });
}

const rows = (container: HTMLElement) => Array.from(container.querySelectorAll('.inbox-row'));
const requested = (pathname: string) =>
  taro.request.mock.calls.map(([o]) => o).filter((o) => new URL(o.url).pathname === pathname);

describe('inbox page', () => {
  it('lists the notifications newest first with a dot on the unread ones', async () => {
    serveInbox([inboxItem(2), inboxItem(1, { readAt: READ_AT })]);
    const { container } = render(<InboxPage />);

    expect(await screen.findByText('通知 2')).toBeTruthy();
    expect(rows(container).map((r) => r.className)).toEqual(['inbox-row inbox-row--unread', 'inbox-row']);
    expect(screen.getByText('第 2 条通知的内容')).toBeTruthy();
    await waitFor(() => expect(useInbox.getState().unread).toBe(1));
    expect(taro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '1' });
    expect(screen.queryByText('开启微信提醒')).toBeNull();
  });

  it('marks a tapped notification read and opens its link (switchTab for a tab page)', async () => {
    serveInbox([inboxItem(2), inboxItem(1, { link: '/directory/pages/person/index?id=p1' })]);
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(useInbox.getState().unread).toBe(2));

    fireEvent.click(await screen.findByText('通知 2'));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    await waitFor(() => expect(requested('/api/notifications/notification-2/read')).toHaveLength(1));
    expect(requested('/api/notifications/notification-2/read')[0]).toMatchObject({ method: 'POST' });
    expect(rows(container)[0]?.className).toBe('inbox-row');
    expect(useInbox.getState().unread).toBe(1);

    fireEvent.click(screen.getByText('通知 1'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/directory/pages/person/index?id=p1' });
    await waitFor(() => expect(useInbox.getState().unread).toBe(0));
    expect(taro.removeTabBarBadge).toHaveBeenCalledWith({ index: 1 });
  });

  it('puts a notification pushed in real time on top without reloading', async () => {
    serveInbox([inboxItem(1)]);
    const { container } = render(<InboxPage />);
    await screen.findByText('通知 1');
    const loads = requested('/api/notifications').length;

    act(() => {
      useInbox.getState().receive(inboxItem(5, { title: '新的通知', category: 'announcement' }));
    });

    expect(rows(container)[0]?.textContent).toContain('新的通知');
    expect(rows(container)).toHaveLength(2);
    expect(requested('/api/notifications')).toHaveLength(loads);
  });

  it('marks everything read with 全部已读', async () => {
    serveInbox([inboxItem(2), inboxItem(1)]);
    const { container } = render(<InboxPage />);
    await screen.findByText('通知 2');

    fireEvent.click(screen.getByText('全部已读'));

    await waitFor(() => expect(requested('/api/notifications/read-all')).toHaveLength(1));
    await waitFor(() => expect(rows(container).map((r) => r.className)).toEqual(['inbox-row', 'inbox-row']));
    expect(useInbox.getState().unread).toBe(0);
  });

  it('asks only for unread ones on the 未读 tab, and says when there are none', async () => {
    serveInbox([]);
    render(<InboxPage />);
    expect(await screen.findByText('暂无消息')).toBeTruthy();

    fireEvent.click(screen.getByText('未读'));

    expect(await screen.findByText('暂无未读消息')).toBeTruthy();
    expect(requested('/api/notifications').at(-1)?.url).toBe(
      'http://api.test/api/notifications?page=1&pageSize=20&unreadOnly=true',
    );
  });

  it('shows a failed load with 重试', async () => {
    serveInbox([inboxItem(1)]);
    const serve = taro.request.getMockImplementation()!;
    taro.request.mockImplementation(async (options: { url: string }) =>
      new URL(options.url).pathname === '/api/notifications' && requested('/api/notifications').length === 1
        ? { ...errorBody('INTERNAL_ERROR'), header: {}, errMsg: 'request:ok' }
        : serve(options),
    );
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('通知 1')).toBeTruthy();
  });

  it('offers 开启微信提醒 in weapp and asks for both templates from the tap', async () => {
    taro.getEnv.mockReturnValue('WEAPP');
    serveInbox([]);
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
    const serve = taro.request.getMockImplementation()!;
    taro.request.mockImplementation(async (options: { url: string }) =>
      new URL(options.url).pathname === '/api/notifications/subscribe-templates'
        ? {
            statusCode: 200,
            data: {
              items: [
                { key: 'announcement', templateId: 'tpl-a', credits: 0 },
                { key: 'account_change', templateId: 'tpl-b', credits: 0 },
              ],
            },
            header: {},
            errMsg: 'request:ok',
          }
        : serve(options),
    );
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('开启微信提醒'));

    await waitFor(() =>
      expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(
        expect.objectContaining({ tmplIds: ['tpl-a', 'tpl-b'] }),
      ),
    );
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith({ title: '未开启微信提醒', icon: 'none' }),
    );
  });
});
