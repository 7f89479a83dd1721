import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, RealtimeClient, SILENCE_MS, backoffDelay, realtime } from '@/services/realtime';
import { followSession } from '@/services/session-lifecycle';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { errorBody, inboxItem, me, tokens } from './fixtures';
import { answerRequests, fakeSockets, taro, type FakeSocket } from './taro-fakes';

const flush = () => vi.advanceTimersByTimeAsync(0);

let client: RealtimeClient;
let sockets: FakeSocket[];

/** Starts a client against fake sockets and opens the first one. */
async function connected(): Promise<FakeSocket> {
  client.start();
  await flush();
  const socket = sockets.at(-1)!;
  socket.open();
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  // No jitter: each wait is the full 1 s, 2 s, 4 s … step.
  vi.spyOn(Math, 'random').mockReturnValue(0);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  useSession.getState().signIn({ tokens: tokens(1), me: me() });
  useInbox.getState().reset();
  sockets = fakeSockets();
  client = new RealtimeClient();
});

afterEach(() => {
  client.stop();
  realtime.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('realtime client', () => {
  it('connects to the API base over ws and authenticates before anything else', async () => {
    const socket = await connected();

    expect(taro.connectSocket).toHaveBeenCalledWith({ url: 'ws://api.test/api/ws' });
    expect(socket.sent).toEqual([{ type: 'auth', token: 'access-token-1' }]);
  });

  it('pings every 25 s while the server answers', async () => {
    const socket = await connected();
    socket.push({ type: 'ready', unread: 0 });

    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    socket.push({ type: 'pong' });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    socket.push({ type: 'pong' });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);

    expect(socket.sent).toEqual([
      { type: 'auth', token: 'access-token-1' },
      { type: 'ping' },
      { type: 'ping' },
      { type: 'ping' },
    ]);
    expect(socket.closed).toBe(false);
    expect(sockets).toHaveLength(1);
  });

  it('reconnects with a growing backoff after closes, and starts over once the server is ready', async () => {
    const first = await connected();
    first.drop();
    expect(first.closed).toBe(true);

    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);

    sockets[1]!.fail();
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);

    sockets[2]!.open();
    expect(sockets[2]!.sent[0]).toEqual({ type: 'auth', token: 'access-token-1' });
    sockets[2]!.push({ type: 'ready', unread: 0 });
    sockets[2]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(4);
  });

  it('caps the backoff at 30 s and jitters it down by at most half', () => {
    expect(backoffDelay(0, 0)).toBe(1000);
    expect(backoffDelay(3, 0)).toBe(8000);
    expect(backoffDelay(5, 0)).toBe(30_000);
    expect(backoffDelay(50, 0)).toBe(30_000);
    expect(backoffDelay(5, 0.999)).toBeGreaterThan(15_000);
  });

  it('reconnects when the server has been silent for 60 s', async () => {
    const socket = await connected();
    socket.push({ type: 'ready', unread: 0 });

    await vi.advanceTimersByTimeAsync(SILENCE_MS);
    expect(socket.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
  });

  it('retries after connectSocket itself fails', async () => {
    taro.connectSocket.mockRejectedValueOnce({ errMsg: 'connectSocket:fail' });
    client.start();
    await flush();
    expect(sockets).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(1);
  });

  it('takes the unread count from ready, and stores each notification once', async () => {
    const socket = await connected();
    socket.push({ type: 'ready', unread: 3 });
    expect(useInbox.getState().unread).toBe(3);

    socket.push({ type: 'notification', item: inboxItem(1) });
    socket.push({ type: 'notification', item: inboxItem(1) });
    expect(useInbox.getState().unread).toBe(4);
    expect(useInbox.getState().latest.map((i) => i.id)).toEqual(['notification-1']);
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('shows the title of an urgent notification in a toast', async () => {
    const socket = await connected();
    socket.push({ type: 'notification', item: inboxItem(2, { urgency: 'urgent', title: '停电通知' }) });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '停电通知', icon: 'none' }));
  });

  it('ignores a message outside the contract', async () => {
    const socket = await connected();
    socket.push({ type: 'notification', item: { id: 'x' } });
    expect(useInbox.getState().latest).toEqual([]);
    expect(socket.closed).toBe(false);
  });

  it('refreshes an expired token through the request layer, then reconnects with the new one', async () => {
    answerRequests((key) => {
      if (key === 'POST /api/auth/refresh') return { statusCode: 200, data: { tokens: tokens(2) } };
      throw new Error(`unexpected ${key}`);
    });
    const socket = await connected();
    socket.push({ type: 'error', code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    expect(socket.closed).toBe(true);
    await flush();

    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toEqual({ type: 'auth', token: 'access-token-2' });
    expect(useSession.getState().tokens?.accessToken).toBe('access-token-2');
  });

  it('stops when the refresh is refused and the session ends', async () => {
    answerRequests(() => errorBody('AUTH_REFRESH_INVALID'));
    const stopFollowing = followSession();
    await flush();
    const socket = sockets[0]!;
    socket.open();
    socket.push({ type: 'error', code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    await vi.advanceTimersByTimeAsync(60_000);

    expect(useSession.getState().tokens).toBeNull();
    expect(sockets).toHaveLength(1);
    stopFollowing();
  });

  it('stops for good on any other auth error', async () => {
    const socket = await connected();
    socket.push({ type: 'error', code: 'AUTH_SESSION_REVOKED', message: '您已退出登录，请重新登录' });
    expect(socket.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('followSession', () => {
  it('connects for a stored session, and at logout closes, stops reconnecting and empties the inbox', async () => {
    const stopFollowing = followSession();
    await flush();
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    sockets[0]!.push({ type: 'notification', item: inboxItem(1) });
    expect(useInbox.getState().unread).toBe(1);

    useSession.getState().clear();
    expect(sockets[0]!.closed).toBe(true);
    expect(useInbox.getState()).toMatchObject({ unread: 0, latest: [] });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);

    useSession.getState().signIn({ tokens: tokens(3), me: me() });
    await flush();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toEqual({ type: 'auth', token: 'access-token-3' });
    stopFollowing();
    expect(sockets[1]!.closed).toBe(true);
  });

  it('waits for a sign-in when there is no session', async () => {
    useSession.getState().clear();
    const stopFollowing = followSession();
    await flush();
    expect(taro.connectSocket).not.toHaveBeenCalled();
    stopFollowing();
  });
});
