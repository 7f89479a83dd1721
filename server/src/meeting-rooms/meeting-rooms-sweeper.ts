import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { Tx } from '../platform/db/client.js';
import { meetingRoomsBookings } from '../platform/db/schema.js';
import type { RequestCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BookingEffects } from './booking-effects.service.js';
import { type BookingRow, BookingsRepository } from './bookings.repository.js';
import { MeetingRoomsClock } from './clock.js';
import { SeriesNoShows } from './series-no-shows.js';
import { whenLabel } from './slot-time.js';

const SYSTEM_CTX: RequestCtx = { requestId: 'meeting-rooms-sweeper', ip: '', client: 'unknown' };

export interface MeetingRoomsSweepResult {
  expired: number;
  released: number;
  /** Guests whose personal data was erased. */
  erased: number;
}

/**
 * Frees slots nobody will use: pending bookings past their approval deadline, and bookings nobody checked in
 * to by start + the check-in grace (counted per series: repeated no-shows flag, then cancel, a series); and
 * erases guests' personal data `VISITORS_RETENTION_DAYS` after their meeting, as visits are. Each step is one
 * conditional UPDATE … RETURNING, so two instances sweeping at once release each booking once and notify once.
 * `now` is a parameter for tests.
 */
@Injectable()
export class MeetingRoomsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MeetingRoomsSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: BookingsRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
    private readonly clock: MeetingRoomsClock,
    private readonly seriesNoShows: SeriesNoShows,
    private readonly effects: BookingEffects,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.NOTIFY_WORKER || this.config.MEETING_ROOMS_SWEEP_MS === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((err: Error) => this.logger.error(`meeting-room sweep failed: ${err.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.MEETING_ROOMS_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = this.clock.now()): Promise<MeetingRoomsSweepResult> {
    const result = {
      expired: await this.expireApprovals(now),
      released: await this.releaseNoShows(now),
      erased: await this.eraseGuests(now),
    };
    this.dispatcher.kick();
    return result;
  }

  private expireApprovals(now: Date) {
    return this.repo.transaction(async (tx) => {
      const rows = await this.repo.moveAll(
        tx,
        'pending',
        'expired',
        sql`${meetingRoomsBookings.approvalDeadline} <= ${now.toISOString()}::timestamptz`,
      );
      return this.settle(tx, rows, 'meeting_rooms.booking.approval_expired', (b, room) =>
        this.notifier.notify(tx, {
          template: 'meeting-rooms.booking_decided',
          params: {
            bookingId: b.id,
            room,
            when: whenLabel(b.during.start, b.during.end),
            outcome: '审批超时',
            note: '审批人未在时限内处理，该时段已释放。',
          },
          to: [{ personId: b.organizerId }],
          dedupeKey: `meeting-booking-decided:${b.id}`,
        }),
      );
    });
  }

  private releaseNoShows(now: Date) {
    const minutes = this.config.MEETING_ROOMS_CHECK_IN_AFTER_MINUTES;
    const cutoff = new Date(now.getTime() - minutes * 60_000);
    return this.repo.transaction(async (tx) => {
      const rows = await this.repo.moveAll(
        tx,
        'booked',
        'released',
        sql`lower(${meetingRoomsBookings.during}) <= ${cutoff.toISOString()}::timestamptz`,
      );
      const released = await this.settle(tx, rows, 'meeting_rooms.booking.released_no_show', (b, room) =>
        this.notifier.notify(tx, {
          template: 'meeting-rooms.booking_released',
          params: { bookingId: b.id, room, when: whenLabel(b.during.start, b.during.end), minutes },
          to: [{ personId: b.organizerId }],
          dedupeKey: `meeting-booking-released:${b.id}`,
        }),
      );
      await this.effects.calledOff(
        tx,
        rows.map((b) => b.id),
      );
      await this.seriesNoShows.count(tx, rows, now);
      return released;
    });
  }

  private eraseGuests(now: Date) {
    const cutoff = new Date(now.getTime() - this.config.VISITORS_RETENTION_DAYS * 24 * 3600_000);
    return this.repo.transaction(async (tx) => {
      const erased = await this.repo.eraseGuests(tx, cutoff, now);
      if (erased > 0) {
        await this.audit.record(tx, SYSTEM_CTX, {
          action: 'meeting_rooms.guests.erased',
          entityType: 'meeting_rooms_guest',
          entityId: null,
          details: { guests: erased, endedBefore: cutoff.toISOString() },
          system: true,
        });
      }
      return erased;
    });
  }

  /** One audit row and one notification per booking this sweeper moved. */
  private async settle(
    tx: Tx,
    rows: BookingRow[],
    action: string,
    tell: (b: BookingRow, room: string) => Promise<unknown>,
  ) {
    const rooms = await this.repo.roomNames([...new Set(rows.map((b) => b.roomId))], tx);
    for (const b of rows) {
      await tell(b, rooms.get(b.roomId)!);
      await this.audit.record(tx, SYSTEM_CTX, {
        action,
        entityType: 'meeting_rooms_booking',
        entityId: b.id,
        system: true,
      });
    }
    return rows.length;
  }
}
