import { REALTIME_PATH, type ServerMessage, ServerMessageSchema } from '@dayuan/shared';
import WebSocket from 'ws';

export interface RealtimeClient {
  messages: ServerMessage[];
  /** Resolves with the first message (already received or future) that matches. */
  next(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  send(message: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** A WebSocket client like the mini-program's: connects to `/api/ws` and authenticates first. */
export async function connectRealtime(baseUrl: string, token?: string): Promise<RealtimeClient> {
  const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + REALTIME_PATH);
  const messages: ServerMessage[] = [];
  const waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  socket.on('message', (raw) => {
    const message = ServerMessageSchema.parse(JSON.parse(String(raw)));
    messages.push(message);
    for (const w of [...waiters]) {
      if (w.match(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  if (token) socket.send(JSON.stringify({ type: 'auth', token }));
  return {
    messages,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
    next(match, timeoutMs = 10_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching message in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
  };
}
