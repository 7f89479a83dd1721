import { isJsonObject } from './body.js';

export type Fault =
  | { kind: 'errcode'; errcode: number }
  | { kind: 'httpStatus'; httpStatus: number }
  | { kind: 'smsCode'; smsCode: string }
  /** Not a failure: the call waits this long, then is handled normally. */
  | { kind: 'delayMs'; delayMs: number };

export type FaultKind = Fault['kind'];

export interface FaultRequest {
  path: string;
  times: number;
  fault: Fault;
}

/** Queues of pending failures per request path; each call to that path consumes one. */
export class FaultInjector {
  private pending = new Map<string, { fault: Fault; remaining: number }[]>();

  add({ path, times, fault }: FaultRequest): void {
    const queue = this.pending.get(path) ?? [];
    queue.push({ fault, remaining: times });
    this.pending.set(path, queue);
  }

  take(path: string): Fault | undefined {
    const queue = this.pending.get(path);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    if (queue.length === 0) this.pending.delete(path);
    return head.fault;
  }

  clear(): void {
    this.pending.clear();
  }
}

/** Longest injectable delay, so a forgotten fault cannot hang a test run for long. */
const MAX_DELAY_MS = 300_000;

/** Validates a `POST /__mock/faults` body (`path`, exactly one fault kind, `times`); a string is the error. */
export function parseFaultRequest(body: unknown, kinds: readonly FaultKind[]): FaultRequest | string {
  if (!isJsonObject(body)) return 'body must be a JSON object';
  const { path, times = 1 } = body;
  if (typeof path !== 'string' || !path.startsWith('/')) return 'path must be a request path starting with /';
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    return 'times must be a positive integer';
  }
  const [kind, ...others] = kinds.filter((candidate) => body[candidate] !== undefined);
  if (!kind || others.length > 0) return `give exactly one of ${kinds.join(', ')}`;
  const fault = toFault(kind, body[kind]);
  return fault ? { path, times, fault } : `invalid ${kind}`;
}

function toFault(kind: FaultKind, value: unknown): Fault | undefined {
  switch (kind) {
    case 'errcode':
      return typeof value === 'number' && Number.isInteger(value) ? { kind, errcode: value } : undefined;
    case 'httpStatus':
      return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599
        ? { kind, httpStatus: value }
        : undefined;
    case 'smsCode':
      return typeof value === 'string' && value.length > 0 ? { kind, smsCode: value } : undefined;
    case 'delayMs':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DELAY_MS
        ? { kind, delayMs: value }
        : undefined;
  }
}
