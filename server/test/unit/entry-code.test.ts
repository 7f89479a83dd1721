import { describe, expect, it } from 'vitest';
import { EntryCodes, maskName } from '../../src/visitors/entry-code.js';

const codes = new EntryCodes(Buffer.alloc(32, 3).toString('base64'));
const person = '0b6f5f7e-3c1a-4d2b-9e8f-1a2b3c4d5e6f';
const at = (s: number) => s * 1000;

describe('EntryCodes', () => {
  it('accepts a code during its 30 s step and the next, then calls it expired', () => {
    const { code, refreshInSeconds, expiresAt } = codes.issue(person, at(3000 * 30 + 10));
    expect(refreshInSeconds).toBe(20);
    expect(expiresAt).toBe(new Date(at(3002 * 30)).toISOString());
    expect(codes.verify(code, at(3000 * 30 + 29))).toMatchObject({ ok: true, subjectId: person, step: 3000 });
    expect(codes.verify(code, at(3001 * 30 + 29))).toMatchObject({ ok: true });
    expect(codes.verify(code, at(3002 * 30))).toEqual({ ok: false, reason: 'CODE_EXPIRED' });
  });

  it('tells a tampered code from a malformed one', () => {
    const { code } = codes.issue(person, at(90_000));
    const otherPerson = code.replace(/^DY1\.[0-9a-f]/, 'DY1.a');
    expect(codes.verify(otherPerson, at(90_000))).toEqual({ ok: false, reason: 'CODE_FORGED' });
    expect(codes.verify(`${code}x`, at(90_000))).toEqual({ ok: false, reason: 'CODE_MALFORMED' });
    expect(codes.verify('', at(90_000))).toEqual({ ok: false, reason: 'CODE_MALFORMED' });
  });
});

describe('maskName', () => {
  it('keeps the first and last character only', () => {
    expect(maskName('王建国')).toBe('王*国');
    expect(maskName('欧阳明日')).toBe('欧**日');
    expect(maskName('李四')).toBe('李*');
  });
});
