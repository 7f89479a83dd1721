import { Redis } from 'ioredis';
import type { KeyValue, PubSub, SharedState } from './kv.js';

export class RedisKeyValue implements KeyValue {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(key: string) {
    return this.prefix + key;
  }

  async get(key: string) {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(this.k(key), value, 'EX', ttlSeconds);
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number) {
    return (await this.redis.set(this.k(key), value, 'EX', ttlSeconds, 'NX')) === 'OK';
  }

  async take(key: string) {
    return this.redis.getdel(this.k(key));
  }

  async del(key: string) {
    await this.redis.del(this.k(key));
  }

  async hit(key: string, windowSeconds: number) {
    const full = this.k(key);
    const result = await this.redis.multi().incr(full).expire(full, windowSeconds, 'NX').ttl(full).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const ttl = Number(result?.[2]?.[1] ?? windowSeconds);
    return { count, ttlSeconds: ttl > 0 ? ttl : windowSeconds };
  }
}

export class RedisPubSub implements PubSub {
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(message);
    });
  }

  async publish(channel: string, message: string) {
    await this.publisher.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void) {
    const full = this.prefix + channel;
    let set = this.handlers.get(full);
    if (!set) {
      set = new Set();
      this.handlers.set(full, set);
      await this.subscriber.subscribe(full);
    }
    set.add(onMessage);
    return async () => {
      set.delete(onMessage);
      if (set.size === 0 && this.handlers.get(full) === set) {
        this.handlers.delete(full);
        await this.subscriber.unsubscribe(full);
      }
    };
  }
}

/**
 * `prefix` namespaces every key and channel (several deployments or test runs can share one Redis).
 * ioredis reconnects by itself; `onError` hears about each failed attempt meanwhile.
 */
export async function createRedisState(
  url: string,
  prefix = 'dayuan:',
  onError: (err: Error) => void = () => undefined,
): Promise<SharedState> {
  const options = { maxRetriesPerRequest: 3, lazyConnect: true };
  // Commands issued in the same tick share one write to the socket (gate scans check keys at high rates).
  const main = new Redis(url, { ...options, enableAutoPipelining: true }).on('error', onError);
  const subscriber = new Redis(url, options).on('error', onError);
  await Promise.all([main.connect(), subscriber.connect()]);
  return {
    kind: 'redis',
    kv: new RedisKeyValue(main, prefix),
    pubsub: new RedisPubSub(main, subscriber, prefix),
    ping: async () => (await main.ping()) === 'PONG',
    close: async () => {
      await Promise.all([main.quit(), subscriber.quit()]);
    },
  };
}
