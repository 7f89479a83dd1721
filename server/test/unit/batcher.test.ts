import { describe, expect, it } from 'vitest';
import { Batcher } from '../../src/platform/db/batcher.js';

describe('Batcher (group commit)', () => {
  it('sends calls of one turn together and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const doubler = new Batcher(async (xs: number[]) => {
      batches.push(xs);
      return xs.map((x) => x * 2);
    });
    const first = await Promise.all([1, 2, 3].map((x) => doubler.submit(x)));
    expect(first).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers calls made while a batch is in flight into the next one, up to the batch limit', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const echo = new Batcher(async (xs: number[]) => {
      batches.push(xs);
      if (batches.length === 1) await gate;
      return xs;
    }, 2);
    const all = [echo.submit(1)];
    await new Promise((resolve) => setImmediate(resolve));
    all.push(echo.submit(2), echo.submit(3), echo.submit(4));
    release();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });

  it('fails only the bad call of a failed batch', async () => {
    const strict = new Batcher(async (xs: number[]) => {
      if (xs.includes(13)) throw new Error('unlucky');
      return xs;
    });
    const results = await Promise.allSettled([12, 13, 14].map((x) => strict.submit(x)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('unlucky'));
  });
});
