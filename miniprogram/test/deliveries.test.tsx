import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Delivery } from '@dayuan/shared';
import DeliveriesPage from '@/notifications/pages/deliveries/index';
import { useSession } from '@/stores/session';
import { me, pageOf, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';

const dead: Delivery = {
  id: '41',
  notificationId: 'notification-1',
  template: 'platform.announcement',
  channel: 'sms',
  status: 'dead',
  attempts: 5,
  lastError: '短信服务返回 LimitExceeded',
  recipient: '138****5678',
  createdAt: '2026-11-20T09:00:00+08:00',
};

describe('deliveries page', () => {
  it('lists the dead letters and sends one again', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
    answerRequests((key) => {
      if (key === 'GET /api/notifications/dead-letters') return { statusCode: 200, data: pageOf([dead]) };
      if (key === 'POST /api/notifications/deliveries/41/retry') {
        return { statusCode: 200, data: { ...dead, status: 'pending' } };
      }
      throw new Error(`unexpected ${key}`);
    });
    render(<DeliveriesPage />);

    expect(await screen.findByText('138****5678')).toBeTruthy();
    expect(screen.getByText('短信')).toBeTruthy();
    expect(screen.getByText('发送失败')).toBeTruthy();
    expect(screen.getByText('5')).toBeTruthy();
    expect(screen.getByText('短信服务返回 LimitExceeded')).toBeTruthy();
    expect(screen.getByText('通知公告')).toBeTruthy();

    fireEvent.click(screen.getByText('重新发送'));

    expect(await screen.findByText('已重新发送')).toBeTruthy();
    expect(screen.getByText('待发送')).toBeTruthy();
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith({ title: '已重新发送', icon: 'success' }),
    );
  });

  it('says when nothing failed', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me(['staff', 'admin']) });
    answerRequests(() => ({ statusCode: 200, data: pageOf([]) }));
    render(<DeliveriesPage />);
    expect(await screen.findByText('暂无发送失败的消息')).toBeTruthy();
  });
});
