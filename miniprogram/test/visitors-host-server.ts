import { vi } from 'vitest';
import Taro from '@tarojs/taro';
import type { Visit, Zone } from '@dayuan/shared';
import { EAST_GATE, NORTH_GATE, me } from './fixtures';
import { taro } from './taro-fakes';

/** One request the page sent, as the server would read it. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Reply = { statusCode: number; data: unknown };

/**
 * Plays the server: `handler` answers each request (undefined = not expected, which fails the request).
 * Returns every request sent, in order.
 */
export function serve(handler: (req: SentRequest) => Reply | undefined): SentRequest[] {
  const sent: SentRequest[] = [];
  taro.request.mockImplementation(async (options: { url: string; method: string; data: unknown }) => {
    const url = new URL(options.url);
    const req = { method: options.method, path: url.pathname, query: url.searchParams, body: options.data };
    sent.push(req);
    const res = handler(req);
    if (!res) throw new Error(`unexpected ${options.method} ${url.pathname}${url.search}`);
    return { ...res, header: {}, cookies: [], errMsg: 'request:ok' };
  });
  return sent;
}

export const ok = (data: unknown): Reply => ({ statusCode: 200, data });

/** The Taro APIs these pages use beyond the shared fakes, faked for one test. */
export function fakeDialogs() {
  return {
    showModal: vi.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' }),
    navigateBack: vi.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' }),
    redirectTo: vi.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' }),
    setClipboardData: vi.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'ok', data: '' }),
  };
}

export const HOST = me(['staff']);
export const OTHER_HOST = {
  id: '3b9c1f2e-8d4a-4f6b-a1c2-5e7d9f0b1c2d',
  name: '李建国',
  department: '办公厅/行政处',
};

/** Visit `n`: approved, 09:00–11:00 Shanghai time on 21 November 2026 at the east gate, hosted by HOST. */
export function visit(n: number, overrides: Partial<Visit> = {}): Visit {
  return {
    id: `0a1b2c3d-4e5f-4a6b-8c7d-${String(n).padStart(12, '0')}`,
    origin: 'invitation',
    status: 'approved',
    awaiting: null,
    visitor: {
      name: `访客${n}`,
      phoneMasked: '139****0001',
      company: '华信科技',
      idNumberMasked: null,
      plate: null,
    },
    host: { id: HOST.id, name: HOST.name, department: '办公厅/秘书处' },
    purpose: '商务洽谈',
    windowStart: '2026-11-21T01:00:00.000Z',
    windowEnd: '2026-11-21T03:00:00.000Z',
    gates: [EAST_GATE],
    entries: { used: 0, max: 1 },
    inside: false,
    profileComplete: true,
    blocked: false,
    decisionNote: null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

export const ZONES: Zone[] = [
  { ...EAST_GATE, idNumberRequired: false, approverRequired: false },
  { ...NORTH_GATE, idNumberRequired: true, approverRequired: true },
];
