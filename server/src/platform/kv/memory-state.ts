import { EventEmitter } from 'node:events';
import type { KeyValue, PubSub, SharedState } from './kv.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/** In-process KeyValue: atomic because no check-and-set spans an await. */
export class MemoryKeyValue implements KeyValue {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper = setInterval(() => this.sweep(), 30_000).unref();

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string) {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlSeconds: number) {
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async setIfAbsent(key: string, value: string, ttlSeconds: number) {
    if (this.live(key)) return false;
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    return true;
  }

  async take(key: string) {
    const entry = this.live(key);
    this.entries.delete(key);
    return entry?.value ?? null;
  }

  async del(key: string) {
    this.entries.delete(key);
  }

  async hit(key: string, windowSeconds: number) {
    const entry = this.live(key);
    const now = this.now();
    const next = entry
      ? { value: String(Number(entry.value) + 1), expiresAt: entry.expiresAt }
      : { value: '1', expiresAt: now + windowSeconds * 1000 };
    this.entries.set(key, next);
    return { count: Number(next.value), ttlSeconds: Math.ceil((next.expiresAt - now) / 1000) };
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  close() {
    clearInterval(this.sweeper);
  }
}

export class MemoryPubSub implements PubSub {
  private readonly bus = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: string) {
    // Deliver asynchronously, like a broker would.
    queueMicrotask(() => this.bus.emit(channel, message));
  }

  async subscribe(channel: string, onMessage: (message: string) => void) {
    this.bus.on(channel, onMessage);
    return async () => {
      this.bus.off(channel, onMessage);
    };
  }
}

export function createMemoryState(): SharedState {
  const kv = new MemoryKeyValue();
  return {
    kind: 'memory',
    kv,
    pubsub: new MemoryPubSub(),
    ping: async () => true,
    close: async () => kv.close(),
  };
}
