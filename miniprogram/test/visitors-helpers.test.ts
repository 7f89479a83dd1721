import { describe, expect, it } from 'vitest';
import { asciiToBase64 } from '@/utils/base64';
import { guardGates } from '@/visitors/guard-gates';
import { EAST_GATE, NORTH_GATE, guard } from './fixtures';

describe('guardGates', () => {
  it('names a guard’s gates from the role label, in grant order', () => {
    expect(guardGates(guard([EAST_GATE, NORTH_GATE]))).toEqual([EAST_GATE, NORTH_GATE]);
  });

  it('prefers the name a passage gives, and never guesses from a label that does not fit', () => {
    const person = { ...guard([EAST_GATE, NORTH_GATE]), roleLabels: ['工作人员', '门岗（东门）'] };
    expect(guardGates(person)).toEqual([
      { id: EAST_GATE.id, name: '门岗 1' },
      { id: NORTH_GATE.id, name: '门岗 2' },
    ]);
    expect(guardGates(person, [{ gate: { id: NORTH_GATE.id, name: '北门（新）' } }])).toEqual([
      { id: EAST_GATE.id, name: '门岗 1' },
      { id: NORTH_GATE.id, name: '北门（新）' },
    ]);
  });

  it('gives nobody else a gate', () => {
    expect(guardGates({ roles: [{ role: 'staff' }], roleLabels: ['工作人员'] })).toEqual([]);
  });
});

describe('asciiToBase64', () => {
  it('matches the standard encoding, padding included', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '<svg xmlns="http://www.w3.org/2000/svg"/>\n']) {
      expect(asciiToBase64(text)).toBe(Buffer.from(text, 'ascii').toString('base64'));
    }
  });
});
