import { describe, expect, it } from 'vitest';
import {
  channelsFor,
  nextSendingTime,
  retryDelayMs,
} from '../../src/platform/notifications/delivery-rules.js';
import { fitSubscribeData } from '../../src/platform/notifications/subscribe-data.js';

const base = { urgency: 'normal', category: 'account', muted: [], hasSubscribe: true, hasSms: true } as const;

describe('channelsFor', () => {
  it('sends staff realtime and subscribe, and SMS only when urgent', () => {
    expect(channelsFor({ ...base, recipient: 'person' })).toEqual(['realtime', 'subscribe']);
    expect(channelsFor({ ...base, recipient: 'person', urgency: 'urgent' })).toEqual([
      'realtime',
      'subscribe',
      'sms',
    ]);
  });

  it('keeps a muted category in the inbox only, unless urgent', () => {
    expect(channelsFor({ ...base, recipient: 'person', muted: ['account'] })).toEqual([]);
    expect(channelsFor({ ...base, recipient: 'person', muted: ['account'], urgency: 'urgent' })).toHaveLength(
      3,
    );
  });

  it('texts outside recipients, if the template has a text form', () => {
    expect(channelsFor({ ...base, recipient: 'phone' })).toEqual(['sms']);
    expect(channelsFor({ ...base, recipient: 'phone', hasSms: false })).toEqual([]);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and caps at five minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2000))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30, 2000)).toBe(300_000);
  });
});

describe('nextSendingTime', () => {
  const cst = (iso: string) => new Date(`${iso}+08:00`);
  it('sends now inside the hours, else at the next opening (China Standard Time)', () => {
    expect(nextSendingTime(cst('2026-11-21T12:00:00'), [7, 21])).toEqual(cst('2026-11-21T12:00:00'));
    expect(nextSendingTime(cst('2026-11-21T05:30:00'), [7, 21])).toEqual(cst('2026-11-21T07:00:00'));
    expect(nextSendingTime(cst('2026-11-21T22:10:00'), [7, 21])).toEqual(cst('2026-11-22T07:00:00'));
  });
});

describe('fitSubscribeData', () => {
  it('truncates free text to its keyword limit and refuses what cannot fit', () => {
    const fitted = fitSubscribeData(
      { thing1: '一二三四五六七八九十一二三四五六七八九十超出', phrase2: '已派单' },
      ['thing1', 'phrase2'],
    );
    expect(fitted.thing1).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(() => fitSubscribeData({ thing1: 'x', phrase2: '已派单!' }, ['thing1', 'phrase2'])).toThrow(
      /phrase/,
    );
    expect(() => fitSubscribeData({ thing1: 'x' }, ['thing1', 'time2'])).toThrow(/do not match/);
  });
});
