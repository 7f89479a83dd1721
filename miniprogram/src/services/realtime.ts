import Taro from '@tarojs/taro';
import { REALTIME_PATH, ServerMessageSchema, type ClientMessage, type ServerMessage } from '@dayuan/shared';
import { useInbox } from '@/stores/inbox';
import { useSession } from '@/stores/session';
import { API_BASE, freshAccessToken } from './request';

export const HEARTBEAT_MS = 25_000;
/** No message from the server for this long (pongs included) means the connection is dead. */
export const SILENCE_MS = 60_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
const URGENT_TOAST_MS = 3_000;

type Timer = ReturnType<typeof setTimeout>;

/** Wait before reconnect attempt `attempt` (0 = first): 1 s, 2 s, 4 s … 30 s, each cut by a random 0–50 %. */
export function backoffDelay(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling * (1 - random / 2);
}

/** H5 (served by the server) connects to its own origin; weapp to the API base (http → ws, https → wss). */
export function realtimeUrl(): string {
  if (API_BASE) return API_BASE.replace(/^http/, 'ws') + REALTIME_PATH;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${REALTIME_PATH}`;
}

/**
 * The signed-in person's realtime connection: authenticates first, pings every 25 s, reconnects with
 * backoff after a close, an error or 60 s of silence, and feeds pushed notifications to the inbox store.
 */
export class RealtimeClient {
  private running = false;
  private socket: Taro.SocketTask | null = null;
  private open = false;
  /** Bumped by every connection and teardown: events of an older socket are ignored. */
  private generation = 0;
  private attempt = 0;
  /** The token refreshed after AUTH_TOKEN_EXPIRED with no `ready` since: the next expiry waits a backoff. */
  private refreshedSinceReady = false;
  private authToken: string | null = null;
  private heartbeat: Timer | undefined;
  private silence: Timer | undefined;
  private retry: Timer | undefined;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.refreshedSinceReady = false;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.drop();
  }

  private async connect(): Promise<void> {
    this.drop();
    const generation = this.generation;
    let task: Taro.SocketTask;
    try {
      task = await Taro.connectSocket({ url: realtimeUrl() });
    } catch (error) {
      this.lost(generation, error);
      return;
    }
    if (generation !== this.generation) {
      closeQuietly(task);
      return;
    }
    this.socket = task;
    // A socket that never opens nor fails counts as silent too.
    this.watchSilence(generation);
    task.onOpen(() => this.opened(generation));
    task.onMessage((res) => this.received(generation, res.data));
    task.onClose((res) => this.lost(generation, res));
    task.onError((res) => this.lost(generation, res));
  }

  private opened(generation: number): void {
    if (generation !== this.generation) return;
    const token = useSession.getState().tokens?.accessToken;
    if (!token) {
      this.stop();
      return;
    }
    this.open = true;
    this.authToken = token;
    this.send({ type: 'auth', token });
    this.heartbeat = setInterval(() => this.send({ type: 'ping' }), HEARTBEAT_MS);
  }

  private received(generation: number, data: unknown): void {
    if (generation !== this.generation) return;
    this.watchSilence(generation);
    const message = parseMessage(data);
    if (!message) {
      console.warn('[realtime] ignored a message outside the contract');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.attempt = 0;
        this.refreshedSinceReady = false;
        useInbox.getState().setUnread(message.unread);
        return;
      case 'pong':
        return;
      case 'notification':
        if (useInbox.getState().receive(message.item) && message.item.urgency === 'urgent') {
          void Taro.showToast({ title: message.item.title, icon: 'none', duration: URGENT_TOAST_MS });
        }
        return;
      case 'error':
        this.refused(message.code, message.message);
        return;
    }
  }

  private refused(code: string, message: string): void {
    if (code === 'AUTH_TOKEN_EXPIRED' && this.authToken) {
      const immediately = !this.refreshedSinceReady;
      this.refreshedSinceReady = true;
      this.drop();
      const generation = this.generation;
      // A refused refresh ends the session, and with it this connection (see followSession).
      freshAccessToken(this.authToken).then(
        () => this.resume(generation, immediately),
        (error: unknown) => {
          console.warn('[realtime] token refresh failed', error);
          this.resume(generation, false);
        },
      );
      return;
    }
    if (code.startsWith('AUTH_')) {
      console.warn(`[realtime] stopped: ${code} ${message}`);
      this.stop();
      return;
    }
    console.warn(`[realtime] server error: ${code} ${message}`);
  }

  private resume(generation: number, immediately: boolean): void {
    if (!this.running || generation !== this.generation) return;
    if (immediately) void this.connect();
    else this.reconnectLater();
  }

  private lost(generation: number, reason: unknown): void {
    if (generation !== this.generation) return;
    console.warn('[realtime] connection lost', reason);
    this.drop();
    if (this.running) this.reconnectLater();
  }

  private reconnectLater(): void {
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.retry = setTimeout(() => void this.connect(), delay);
  }

  private watchSilence(generation: number): void {
    clearTimeout(this.silence);
    this.silence = setTimeout(() => this.lost(generation, `no message for ${SILENCE_MS} ms`), SILENCE_MS);
  }

  private send(message: ClientMessage): void {
    if (!this.socket || !this.open) return;
    // weapp's send answers through callbacks, H5's with a promise: both failures end up in onError/onClose.
    Promise.resolve(this.socket.send({ data: JSON.stringify(message), fail: ignore })).catch(ignore);
  }

  /** Forgets the current socket (closing it) and every timer. */
  private drop(): void {
    this.generation += 1;
    clearInterval(this.heartbeat);
    clearTimeout(this.silence);
    clearTimeout(this.retry);
    if (this.socket) closeQuietly(this.socket);
    this.socket = null;
    this.open = false;
  }
}

function ignore(): void {}

function closeQuietly(task: Taro.SocketTask): void {
  try {
    Promise.resolve(task.close({ fail: ignore })).catch(ignore);
  } catch {
    // already closed
  }
}

function parseMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = ServerMessageSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The app's one realtime connection (started and stopped by followSession). */
export const realtime = new RealtimeClient();
