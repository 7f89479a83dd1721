import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatWindow, todayInChina } from '@/visitor/format-window';
import { pageParam } from '@/visitor/page-params';
import { needsProfile, passStage, showsCode, statusLabel } from '@/visitor/pass-status';
import { visitorPass } from './visitor-fixtures';

const NOW = Date.parse('2026-11-21T08:00:00+08:00');

describe('visitor helpers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('writes visit windows in China time, whatever the device time zone', () => {
    expect(formatWindow('2026-11-21T01:00:00Z', '2026-11-21T03:30:00Z')).toBe('11月21日 09:00–11:30');
    expect(formatWindow('2026-11-21T09:00:00+08:00', '2026-11-22T18:00:00+08:00')).toBe(
      '11月21日 09:00 至 11月22日 18:00',
    );
    expect(todayInChina(Date.parse('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });

  it('reads a page parameter from the query or from a mini-program code scene', () => {
    expect(pageParam({ c: 'AB12CD34' }, 'c')).toBe('AB12CD34');
    expect(pageParam({ scene: 'c%3DAB12CD34' }, 'c')).toBe('AB12CD34');
    expect(pageParam({ scene: 't%3Dabc%26c%3DXY' }, 'c')).toBe('XY');
    expect(pageParam({ scene: '%E0%A4%A' }, 'c')).toBe('');
    expect(pageParam({}, 't')).toBe('');
  });

  it('shows the code only for an approved pass, inside its window, with nothing left to do', () => {
    expect(showsCode(visitorPass(1))).toBe(true);
    expect(showsCode(visitorPass(1, { status: 'checked_in' }))).toBe(true);
    expect(showsCode(visitorPass(1, { remaining: { idNumber: true, privacy: false } }))).toBe(false);
    expect(showsCode(visitorPass(1, { status: 'pending', awaiting: 'host' }))).toBe(false);
    for (const status of ['rejected', 'cancelled', 'expired', 'checked_out', 'no_show'] as const) {
      expect(passStage(visitorPass(1, { status }), NOW)).toBe('closed');
    }
    const over = visitorPass(1, { windowEnd: '2026-11-21T07:00:00+08:00' });
    expect(passStage(over, NOW)).toBe('closed');
    expect(passStage(visitorPass(1, { status: 'pending', awaiting: 'approver' }), NOW)).toBe('waiting');
    expect(
      needsProfile(visitorPass(1, { status: 'cancelled', remaining: { idNumber: true, privacy: true } })),
    ).toBe(false);
    expect(statusLabel(visitorPass(1, { status: 'pending', awaiting: 'host' }))).toBe('等待审批');
  });
});
