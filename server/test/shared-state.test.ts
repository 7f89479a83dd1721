import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { SharedState } from '../src/platform/kv/kv.js';
import { createMemoryState } from '../src/platform/kv/memory-state.js';
import { createRedisState } from '../src/platform/kv/redis-state.js';

// Every implementation passes the same contract. Redis runs where REDIS_URL is set (production mode).
const redisUrl = process.env.REDIS_URL;
const opened: SharedState[] = [];
afterAll(() => Promise.all(opened.map((s) => s.close())));

const implementations: [string, () => Promise<SharedState>][] = [['memory', async () => createMemoryState()]];
if (redisUrl) {
  implementations.push(['redis', () => createRedisState(redisUrl, `dayuan:contract:${randomUUID()}:`)]);
}

describe.each(implementations)('%s shared state', (_name, create) => {
  const make = async () => {
    const state = await create();
    opened.push(state);
    return state;
  };

  it('gives a key set-if-absent to exactly one of 200 concurrent callers', async () => {
    const { kv } = await make();
    const wins = await Promise.all(
      Array.from({ length: 200 }, (_, i) => kv.setIfAbsent('token', String(i), 60)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('lets exactly one caller take a single-use value', async () => {
    const { kv } = await make();
    await kv.set('ticket', 'v', 60);
    const taken = await Promise.all(Array.from({ length: 50 }, () => kv.take('ticket')));
    expect(taken.filter((v) => v === 'v')).toHaveLength(1);
    expect(await kv.get('ticket')).toBeNull();
  });

  it('expires values after their ttl', async () => {
    const { kv } = await make();
    await kv.set('short', 'v', 1);
    expect(await kv.get('short')).toBe('v');
    await new Promise((r) => setTimeout(r, 1100));
    expect(await kv.get('short')).toBeNull();
    expect(await kv.setIfAbsent('short', 'again', 60)).toBe(true);
  });

  it('counts hits in a window that starts at the first hit', async () => {
    const { kv } = await make();
    const counts = await Promise.all(Array.from({ length: 30 }, () => kv.hit('rl', 60)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(counts.every((c) => c.ttlSeconds > 0 && c.ttlSeconds <= 60)).toBe(true);
    await kv.del('rl');
    expect((await kv.hit('rl', 60)).count).toBe(1);
  });

  it('delivers published messages to every subscriber until they unsubscribe', async () => {
    const state = await make();
    const received: string[] = [];
    const got = new Promise<void>((resolve) => {
      void state.pubsub.subscribe('events', (m) => {
        received.push(m);
        if (received.length === 2) resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 50));
    await state.pubsub.publish('events', 'one');
    await state.pubsub.publish('events', 'two');
    await got;
    expect(received).toEqual(['one', 'two']);
  });
});

describe.runIf(redisUrl)('redis pub/sub across instances', () => {
  it('fans out a message published by one instance to a subscriber on another', async () => {
    const prefix = `dayuan:fanout:${randomUUID()}:`;
    const a = await createRedisState(redisUrl!, prefix);
    const b = await createRedisState(redisUrl!, prefix);
    opened.push(a, b);
    const message = new Promise<string>((resolve) => void b.pubsub.subscribe('inbox', resolve));
    await new Promise((r) => setTimeout(r, 50));
    await a.pubsub.publish('inbox', 'hello from A');
    expect(await message).toBe('hello from A');
  });
});
