import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { PersonSummary, Visit, Zone } from '@dayuan/shared';
import type { Passage } from '@/visitors/guard-api';
import { EAST_GATE } from './fixtures';
import { taro } from './taro-fakes';

dayjs.extend(utc);

/** `HH:mm` today, China Standard Time, as an ISO instant with its offset. */
export function todayAt(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return dayjs()
    .utcOffset(480)
    .startOf('day')
    .add(h ?? 0, 'hour')
    .add(m ?? 0, 'minute')
    .format();
}

export const HOST_ID = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b';

/** Expected visit `n` at the east gate: approved, not yet arrived, 09:00–11:00 today. */
export function visit(n: number, overrides: Partial<Visit> = {}): Visit {
  return {
    id: `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`.slice(-36),
    origin: 'invitation',
    status: 'approved',
    awaiting: null,
    visitor: {
      name: `访客${n}`,
      phoneMasked: '139****0001',
      company: '华东设计院',
      idNumberMasked: null,
      plate: null,
    },
    host: { id: HOST_ID, name: '李主任', department: '办公厅/秘书处' },
    purpose: '商谈项目',
    windowStart: todayAt('09:00'),
    windowEnd: todayAt('11:00'),
    gates: [EAST_GATE],
    entries: { used: 0, max: 1 },
    inside: false,
    profileComplete: true,
    blocked: false,
    decisionNote: null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: todayAt('08:00'),
    ...overrides,
  };
}

export function passage(n: number, overrides: Partial<Passage> = {}): Passage {
  return {
    id: String(n),
    at: new Date().toISOString(),
    gate: EAST_GATE,
    direction: 'in',
    decision: 'allow',
    reason: null,
    display: '王*明（工作人员）',
    via: 'device',
    note: null,
    ...overrides,
  };
}

export function zone(overrides: Partial<Zone> = {}): Zone {
  return { ...EAST_GATE, idNumberRequired: false, approverRequired: false, ...overrides };
}

export function person(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: HOST_ID,
    employeeNo: 'E0101',
    name: '李主任',
    title: '处长',
    department: { id: 'd1', name: '秘书处', path: '办公厅/秘书处' },
    phoneMasked: '138****0101',
    roles: [{ role: 'staff' }],
    roleLabels: ['工作人员'],
    status: 'active',
    wechatBound: true,
    ...overrides,
  };
}

export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/**
 * Answers `Taro.request` like answerRequests, with the query string too; unknown requests fail loudly.
 * Returns every request sent, in order.
 */
export function serve(
  handler: (key: string, request: SentRequest) => { statusCode: number; data: unknown },
): SentRequest[] {
  const sent: SentRequest[] = [];
  taro.request.mockImplementation(async (options: { url: string; method: string; data: unknown }) => {
    const url = new URL(options.url);
    const request = {
      method: options.method,
      path: url.pathname,
      query: url.searchParams,
      body: options.data,
    };
    sent.push(request);
    const res = handler(`${options.method} ${url.pathname}`, request);
    return { ...res, header: {}, cookies: [], errMsg: 'request:ok' };
  });
  return sent;
}

export const ok = (data: unknown) => ({ statusCode: 200, data });
