import { rawBody } from './body.js';

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** Parsed JSON when the body is JSON, the text otherwise, null without a body. */
  body: unknown;
  headers: Record<string, string>;
  at: string;
}

const RECORDED_HEADERS = [
  'host',
  'content-type',
  'authorization',
  'user-agent',
  'x-tc-action',
  'x-tc-version',
  'x-tc-timestamp',
  'x-tc-region',
];

/** Keeps the newest calls only, so a mock left running for days does not grow without bound. */
const MAX_CALLS = 1000;

export interface IncomingCall {
  method: string;
  path: string;
  query: unknown;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

export class CallRecorder {
  private calls: RecordedCall[] = [];

  record(call: IncomingCall): void {
    const headers: Record<string, string> = {};
    for (const name of RECORDED_HEADERS) {
      const value = call.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.calls.push({
      method: call.method,
      path: call.path,
      query: { ...(call.query as Record<string, unknown>) },
      body: decodeBody(call.body),
      headers,
      at: new Date(call.at).toISOString(),
    });
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
  }

  list(path?: string): RecordedCall[] {
    return path === undefined ? [...this.calls] : this.calls.filter((call) => call.path === path);
  }

  clear(): void {
    this.calls = [];
  }
}

function decodeBody(body: unknown): unknown {
  const raw = rawBody(body);
  if (!raw) return null;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
