import { vi } from 'vitest';

/**
 * Stubs for the Taro APIs the app calls. The H5 build rewrites `Taro.x` into named imports,
 * so setup.ts puts these on both the named exports and the default export of '@tarojs/taro'.
 * Page lifecycle hooks are no-ops: there is no Taro page around a component under test.
 */
export const taro = {
  request: vi.fn(),
  reLaunch: vi.fn(),
  navigateTo: vi.fn(),
  showToast: vi.fn(),
  stopPullDownRefresh: vi.fn(),
  login: vi.fn(),
  useDidShow: vi.fn(),
  usePullDownRefresh: vi.fn(),
  useReachBottom: vi.fn(),
  useRouter: vi.fn(() => ({ params: {} })),
};

/** Defaults every test starts from. */
export function resetTaroStubs(): void {
  vi.resetAllMocks();
  taro.reLaunch.mockResolvedValue({ errMsg: 'reLaunch:ok' });
  taro.navigateTo.mockResolvedValue({ errMsg: 'navigateTo:ok' });
  taro.showToast.mockResolvedValue({ errMsg: 'showToast:ok' });
  taro.useRouter.mockReturnValue({ params: {} });
  taro.request.mockRejectedValue(new Error('unexpected request'));
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
