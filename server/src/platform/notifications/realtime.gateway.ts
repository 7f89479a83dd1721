import {
  ClientMessageSchema,
  errorTable,
  type InboxItem,
  REALTIME_PATH,
  type ServerMessage,
} from '@dayuan/shared';
import fastifyWebsocket from '@fastify/websocket';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AuthService } from '../auth/auth.service.js';
import { AppError } from '../http/app-error.js';
import { SHARED_STATE, type SharedState } from '../kv/kv.js';
import { realtimeChannel } from './inbox-item.js';
import { NotificationsRepository } from './notifications.repository.js';

const AUTH_TIMEOUT_MS = 10_000;
/** Clients ping every 25 s; a socket silent for this long is dead (a phone that went to sleep). */
const SILENCE_LIMIT_MS = 70_000;

/**
 * `/api/ws`: a socket authenticates with its first message, then receives its person's notifications.
 * Each instance subscribes to a person's pub/sub channel while it holds a socket of theirs, so a
 * notification delivered by any instance reaches sockets on every instance.
 */
@Injectable()
export class RealtimeGateway implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly subscriptions = new Map<string, Promise<() => Promise<void>>>();

  constructor(
    @Inject(SHARED_STATE) private readonly state: SharedState,
    private readonly auth: AuthService,
    private readonly repo: NotificationsRepository,
  ) {}

  async register(fastify: FastifyInstance) {
    await fastify.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 } });
    fastify.get(REALTIME_PATH, { websocket: true }, (socket) => this.accept(socket));
  }

  /** Sockets open on this instance (health and tests). */
  get connections(): number {
    return [...this.sockets.values()].reduce((n, set) => n + set.size, 0);
  }

  async onApplicationShutdown() {
    for (const set of this.sockets.values()) {
      for (const socket of set) socket.close(1001, 'server shutting down');
    }
    await Promise.all([...this.subscriptions.values()].map(async (s) => (await s)()));
  }

  private accept(socket: WebSocket) {
    let personId: string | undefined;
    let lastHeard = Date.now();
    const send = (message: ServerMessage) => socket.send(JSON.stringify(message));
    const refuse = (err: unknown) => {
      const code = err instanceof AppError ? err.code : 'AUTH_TOKEN_INVALID';
      send({ type: 'error', code, message: errorTable[code].message });
      socket.close(4401, code);
    };
    const authTimer = setTimeout(() => refuse(new AppError('AUTH_REQUIRED')), AUTH_TIMEOUT_MS);
    const silence = setInterval(() => {
      if (Date.now() - lastHeard > SILENCE_LIMIT_MS) socket.terminate();
    }, 10_000);

    socket.on('message', (raw) => {
      lastHeard = Date.now();
      let parsed;
      try {
        parsed = ClientMessageSchema.safeParse(JSON.parse(String(raw)));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        send({ type: 'error', code: 'VALIDATION_FAILED', message: errorTable.VALIDATION_FAILED.message });
        return;
      }
      if (parsed.data.type === 'ping') {
        send({ type: 'pong' });
        return;
      }
      if (personId) return;
      this.auth.authenticate(`Bearer ${parsed.data.token}`).then(
        async (principal) => {
          clearTimeout(authTimer);
          personId = principal.personId;
          await this.join(personId, socket);
          send({ type: 'ready', unread: await this.repo.unreadCount(personId) });
        },
        (err) => {
          clearTimeout(authTimer);
          refuse(err);
        },
      );
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      clearInterval(silence);
      if (personId) void this.leave(personId, socket);
    });
  }

  private async join(personId: string, socket: WebSocket) {
    let set = this.sockets.get(personId);
    if (!set) {
      set = new Set();
      this.sockets.set(personId, set);
      this.subscriptions.set(
        personId,
        this.state.pubsub.subscribe(realtimeChannel(personId), (message) => this.fanOut(personId, message)),
      );
    }
    set.add(socket);
    await this.subscriptions.get(personId);
  }

  private async leave(personId: string, socket: WebSocket) {
    const set = this.sockets.get(personId);
    set?.delete(socket);
    if (set && set.size === 0) {
      this.sockets.delete(personId);
      const unsubscribe = this.subscriptions.get(personId);
      this.subscriptions.delete(personId);
      await (await unsubscribe)?.().catch((err: Error) => this.logger.warn(`unsubscribe: ${err.message}`));
    }
  }

  private fanOut(personId: string, message: string) {
    const item = JSON.parse(message) as InboxItem;
    const frame = JSON.stringify({ type: 'notification', item } satisfies ServerMessage);
    for (const socket of this.sockets.get(personId) ?? []) socket.send(frame);
  }
}
