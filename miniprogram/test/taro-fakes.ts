import { vi } from 'vitest';

/**
 * Fakes of the Taro APIs the app calls. The H5 build rewrites `Taro.x` into named imports,
 * so setup.ts puts these on both the named exports and the default export of '@tarojs/taro'.
 * Page lifecycle hooks are no-ops: there is no Taro page around a component under test.
 */
export const taro = {
  request: vi.fn(),
  reLaunch: vi.fn(),
  navigateTo: vi.fn(),
  switchTab: vi.fn(),
  showToast: vi.fn(),
  setTabBarBadge: vi.fn(),
  removeTabBarBadge: vi.fn(),
  connectSocket: vi.fn(),
  requestSubscribeMessage: vi.fn(),
  getEnv: vi.fn(),
  stopPullDownRefresh: vi.fn(),
  login: vi.fn(),
  scanCode: vi.fn(),
  useDidShow: vi.fn(),
  useDidHide: vi.fn(),
  usePullDownRefresh: vi.fn(),
  useReachBottom: vi.fn(),
  useRouter: vi.fn(() => ({ params: {} })),
};

/** Defaults every test starts from. */
export function resetTaroFakes(): void {
  vi.resetAllMocks();
  taro.reLaunch.mockResolvedValue({ errMsg: 'reLaunch:ok' });
  taro.navigateTo.mockResolvedValue({ errMsg: 'navigateTo:ok' });
  taro.switchTab.mockResolvedValue({ errMsg: 'switchTab:ok' });
  taro.showToast.mockResolvedValue({ errMsg: 'showToast:ok' });
  taro.setTabBarBadge.mockResolvedValue({ errMsg: 'setTabBarBadge:ok' });
  taro.removeTabBarBadge.mockResolvedValue({ errMsg: 'removeTabBarBadge:ok' });
  taro.connectSocket.mockRejectedValue(new Error('unexpected connectSocket'));
  taro.requestSubscribeMessage.mockRejectedValue(new Error('unexpected requestSubscribeMessage'));
  taro.getEnv.mockReturnValue('WEB');
  taro.useRouter.mockReturnValue({ params: {} });
  taro.request.mockRejectedValue(new Error('unexpected request'));
  taro.scanCode.mockRejectedValue(new Error('unexpected scanCode'));
}

interface FakeResponse {
  statusCode: number;
  data: unknown;
}

/** Answers `Taro.request` by `METHOD path` (path without the API base); unknown requests fail loudly. */
export function answerRequests(
  handler: (key: string, options: { header: Record<string, string>; data: unknown }) => FakeResponse,
): void {
  taro.request.mockImplementation(
    async (options: { url: string; method: string; header: Record<string, string>; data: unknown }) => {
      const url = new URL(options.url);
      const res = handler(`${options.method} ${url.pathname}`, options);
      return { ...res, header: {}, cookies: [], errMsg: 'request:ok' };
    },
  );
}

/** A fake `Taro.SocketTask`: records what the client sends and lets a test play the server. */
export class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;
  private handlers: {
    open?: () => void;
    message?: (res: { data: unknown }) => void;
    close?: (res: { code: number; reason: string }) => void;
    error?: (res: { errMsg: string }) => void;
  } = {};

  send({ data }: { data: string }): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  onOpen(fn: () => void): void {
    this.handlers.open = fn;
  }
  onMessage(fn: (res: { data: unknown }) => void): void {
    this.handlers.message = fn;
  }
  onClose(fn: (res: { code: number; reason: string }) => void): void {
    this.handlers.close = fn;
  }
  onError(fn: (res: { errMsg: string }) => void): void {
    this.handlers.error = fn;
  }

  /** The server side. */
  open(): void {
    this.handlers.open?.();
  }
  push(message: unknown): void {
    this.handlers.message?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006): void {
    this.handlers.close?.({ code, reason: 'gone' });
  }
  fail(): void {
    this.handlers.error?.({ errMsg: 'socket error' });
  }
}

/** Makes every `Taro.connectSocket` hand out a new FakeSocket; returns them in order. */
export function fakeSockets(): FakeSocket[] {
  const sockets: FakeSocket[] = [];
  taro.connectSocket.mockImplementation(async () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  });
  return sockets;
}
