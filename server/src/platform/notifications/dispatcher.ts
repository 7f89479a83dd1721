import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DeliverySender } from './delivery-sender.js';
import { type ClaimedDelivery, NotificationsRepository } from './notifications.repository.js';

const BATCH = 200;
const CONCURRENCY = 50;
const QUEUE = 'notify';

/**
 * Moves the outbox to the channels. Without Redis it claims due rows and sends them here. With Redis it
 * relays due rows to a BullMQ queue (job id = delivery id + attempt, so relaying twice enqueues once) and a
 * worker sends them. Either way the database row decides: a row is claimed by one sender per attempt, a
 * crashed sender's claim expires and the row is due again, and a delivery ends sent, skipped or dead.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private inFlight = 0;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly sender: DeliverySender,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.NOTIFY_WORKER) return;
    if (this.config.REDIS_URL) {
      const connection = redisConnection(this.config.REDIS_URL);
      const prefix = `${this.config.REDIS_PREFIX}bull`;
      this.queue = new Queue(QUEUE, {
        connection,
        prefix,
        // A finished job only needs to outlive a lease: long enough for a late second relay to be ignored.
        defaultJobOptions: { removeOnComplete: { age: 300 }, removeOnFail: { age: 24 * 3600 } },
      });
      this.queue.on('error', (err) => this.logger.warn(`queue: ${err.message}`));
      this.worker = new Worker(QUEUE, (job) => this.runJob(Number(job.data.deliveryId)), {
        connection,
        prefix,
        concurrency: CONCURRENCY,
      });
      this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    }
    this.schedule(0);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.worker?.close();
    await this.queue?.close();
  }

  /** Look at the outbox now (after a commit that wrote to it) instead of at the next poll. */
  kick() {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Waits until nothing is due or in flight here (tests and benchmarks). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      this.kick();
      await new Promise((r) => setTimeout(r, 50));
      if (!this.running && this.inFlight === 0 && (await this.repo.openDeliveries()) === 0) return;
    }
    throw new Error('deliveries still open after drain timeout');
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.again;
        this.again = false;
        this.schedule(again ? 0 : this.config.NOTIFY_POLL_MS);
      });
    }, ms);
  }

  private async tick() {
    try {
      for (let more = true; more && !this.stopped;) {
        more = this.queue ? await this.relay() : await this.sendDue();
      }
    } catch (err) {
      this.logger.warn(`dispatch round failed, retrying: ${(err as Error).message}`);
    }
  }

  private async sendDue(): Promise<boolean> {
    const capacity = CONCURRENCY - this.inFlight;
    if (capacity <= 0) return false;
    const claimed = await this.repo.claimDue(Math.min(BATCH, capacity), this.config.NOTIFY_LEASE_MS);
    for (const delivery of claimed) {
      this.inFlight++;
      void this.deliver(delivery).finally(() => {
        this.inFlight--;
        this.kick();
      });
    }
    return claimed.length === Math.min(BATCH, capacity);
  }

  private async relay(): Promise<boolean> {
    const due = await this.repo.relayDue(BATCH, this.config.NOTIFY_LEASE_MS);
    if (due.length === 0) return false;
    try {
      await this.queue!.addBulk(
        due.map((d) => ({
          name: 'deliver',
          data: { deliveryId: d.id },
          // One job per attempt; BullMQ ignores a second add with the same id (ids may not contain ':').
          opts: { jobId: `d${d.id}-a${d.attempts + 1}` },
        })),
      );
    } catch (err) {
      await this.repo.unqueue(due.map((d) => d.id)).catch(() => undefined);
      throw err;
    }
    return due.length === BATCH;
  }

  private async runJob(deliveryId: number) {
    const delivery = await this.repo.claimQueued(deliveryId, this.config.NOTIFY_LEASE_MS);
    // Already taken by another job for the same row: nothing to do.
    if (delivery) await this.deliver(delivery);
  }

  private async deliver(delivery: ClaimedDelivery) {
    const outcome = await this.sender.send(delivery);
    const recorded = await this.repo.finish(delivery, outcome).catch((err: Error) => {
      this.logger.warn(`delivery ${delivery.id}: could not record ${outcome.kind}: ${err.message}`);
      return false;
    });
    if (!recorded) this.logger.warn(`delivery ${delivery.id}: attempt ${delivery.attempts} was superseded`);
  }
}

export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password || undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; they must wait for it to come back rather than fail commands.
    maxRetriesPerRequest: null,
  };
}
