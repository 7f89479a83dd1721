import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Taro from '@tarojs/taro';
import { authRoutes, visitRoutes } from '@dayuan/shared';
import { call } from '@/services/request';
import { GUEST_SESSION_STORAGE_KEY, useGuestSession } from '@/stores/guest-session';
import { useSession } from '@/stores/session';
import { errorBody, me, tokens } from './fixtures';
import { answerRequests, taro } from './taro-fakes';
import { guestSession } from './visitor-fixtures';

const headersOf = (n: number) => taro.request.mock.calls[n]?.[0].header as Record<string, string>;

describe('guest routes in the request layer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T08:00:00+08:00'));
    useGuestSession.getState().clear();
  });
  afterEach(() => vi.useRealTimers());

  it('send the guest token, never the staff one, and public routes send neither', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me() });
    useGuestSession.getState().save(guestSession());
    answerRequests(() => ({ statusCode: 200, data: { items: [] } }));

    await call(visitRoutes.myPasses);
    expect(headersOf(0)).toMatchObject({
      Authorization: 'Guest guest-token-0123456789',
      'x-dayuan-client': 'h5',
    });

    answerRequests(() => ({
      statusCode: 200,
      data: { host: { name: '王小明', department: null }, zones: [] },
    }));
    await call(visitRoutes.bookingPage, { params: { code: 'AB12CD34' } });
    expect(headersOf(1).Authorization).toBeUndefined();
  });

  it('forget a refused guest token without touching the staff session or opening the login page', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me() });
    useGuestSession.getState().save(guestSession(), '13900000001');
    answerRequests(() => errorBody('GUEST_TOKEN_INVALID'));

    await expect(call(visitRoutes.myPasses)).rejects.toMatchObject({
      code: 'GUEST_TOKEN_INVALID',
      message: '验证已失效，请重新获取短信验证码',
    });

    expect(useGuestSession.getState()).toMatchObject({ session: null, phone: null, expired: true });
    expect(Taro.getStorageSync(GUEST_SESSION_STORAGE_KEY)).toBe('');
    expect(useSession.getState().tokens).toEqual(tokens(1));
    expect(taro.request).toHaveBeenCalledTimes(1);
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('keep the guest session when the server refuses the request itself', async () => {
    useGuestSession.getState().save(guestSession());
    answerRequests(() => errorBody('VISITORS_BLOCKED'));

    await expect(
      call(visitRoutes.passCode, { params: { id: 'b1f0c7a2-5d3e-4f6a-8b9c-0d1e2f3a4b51' } }),
    ).rejects.toMatchObject({ code: 'VISITORS_BLOCKED', status: 403 });
    expect(useGuestSession.getState().session).toEqual(guestSession());
  });

  it('do not send a guest token past its expiry, and forget it', async () => {
    useGuestSession.getState().save(guestSession({ expiresAt: '2020-01-01T00:00:00+08:00' }));
    answerRequests(() => errorBody('AUTH_REQUIRED'));

    await expect(call(visitRoutes.myPasses)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(headersOf(0).Authorization).toBeUndefined();
    expect(useGuestSession.getState()).toMatchObject({ session: null, expired: true });
  });

  it('staff routes still send the access token', async () => {
    useSession.getState().signIn({ tokens: tokens(1), me: me() });
    useGuestSession.getState().save(guestSession());
    answerRequests(() => ({ statusCode: 200, data: me() }));

    await call(authRoutes.me);
    expect(headersOf(0).Authorization).toBe('Bearer access-token-1');
  });
});
