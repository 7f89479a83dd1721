/**
 * The small shared-state interfaces the server needs. Redis backs them when REDIS_URL is set;
 * in-process implementations stand in for a single embedded instance. Both pass the same contract tests.
 */
export interface KeyValue {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only when absent; true for exactly one caller per key while it lives. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Reads and deletes in one step: a single-use token is consumed by exactly one caller. */
  take(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
  /** Increments a counter that expires `windowSeconds` after its first hit; returns the new count and ttl left. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
}

export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
}

export interface SharedState {
  kind: 'memory' | 'redis';
  kv: KeyValue;
  pubsub: PubSub;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const SHARED_STATE = Symbol('SHARED_STATE');
