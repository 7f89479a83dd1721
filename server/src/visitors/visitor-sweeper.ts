import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { and, eq, inArray, isNull, lt, lte, gt, or, sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { notifications, visitorsPassages, visitorsVisits } from '../platform/db/schema.js';
import type { RequestCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { VisitorLinks } from './visitor-links.js';
import { cstHour, cstLabel } from '../platform/time/china-time.js';

const SYSTEM_CTX: RequestCtx = { requestId: 'visitor-sweeper', ip: '', client: 'unknown' };

export interface SweepResult {
  expired: number;
  noShows: number;
  checkedOut: number;
  reminded: number;
  anonymised: number;
}

/**
 * The scheduled side of visits. Every step is one conditional UPDATE … RETURNING, so two instances
 * sweeping at once move each visit once and notify once. `now` is a parameter for tests.
 */
@Injectable()
export class VisitorSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VisitorSweeper.name);
  private readonly cipher: PersonalDataCipher;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDb() private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly audit: AuditRepository,
    private readonly links: VisitorLinks,
  ) {
    this.cipher = new PersonalDataCipher(config.DATA_KEY);
  }

  onApplicationBootstrap() {
    if (!this.config.NOTIFY_WORKER || this.config.VISITORS_SWEEP_MS === 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((err: Error) => this.logger.error(`visitor sweep failed: ${err.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.VISITORS_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = new Date()): Promise<SweepResult> {
    const result = {
      expired: await this.expirePending(now),
      noShows: await this.markNoShows(now),
      checkedOut: await this.checkOutLeftovers(now),
      reminded: await this.remind(now),
      anonymised: await this.anonymise(now),
    };
    this.dispatcher.kick();
    return result;
  }

  private async expirePending(now: Date) {
    return this.db.transaction(async (tx) => {
      const rows = await this.move(
        tx,
        { status: 'expired', awaiting: null },
        and(
          eq(visitorsVisits.status, 'pending'),
          or(lte(visitorsVisits.requestExpiresAt, now), lte(visitorsVisits.windowEnd, now)),
        ),
      );
      for (const v of rows) {
        if (v.origin === 'request' && v.phoneEnc) {
          await this.notifier.notify(tx, {
            template: 'visitors.request_decided',
            params: { host: '被访人', outcome: '已过期', note: '未在时限内得到确认，可重新预约。' },
            to: [{ phone: this.cipher.decrypt(v.phoneEnc) }],
            dedupeKey: `visit-decided:${v.id}`,
          });
        }
      }
      return this.record(tx, 'visitors.sweep.expired', rows.length);
    });
  }

  private async markNoShows(now: Date) {
    return this.db.transaction(async (tx) => {
      const rows = await this.move(
        tx,
        { status: 'no_show' },
        and(eq(visitorsVisits.status, 'approved'), lte(visitorsVisits.windowEnd, now)),
      );
      return this.record(tx, 'visitors.sweep.no_show', rows.length);
    });
  }

  private async checkOutLeftovers(now: Date) {
    const cutoff = new Date(now.getTime() - this.config.VISITORS_CHECKOUT_GRACE_MINUTES * 60_000);
    return this.db.transaction(async (tx) => {
      const rows = await this.move(
        tx,
        { status: 'checked_out', inside: false, checkedOutAt: now },
        and(eq(visitorsVisits.status, 'checked_in'), lte(visitorsVisits.windowEnd, cutoff)),
      );
      return this.record(tx, 'visitors.sweep.auto_check_out', rows.length);
    });
  }

  /** SMS 2 h (configurable) before the visit, only between 07:00 and 21:00 China Standard Time. */
  private async remind(now: Date) {
    const [from, to] = this.config.SMS_SEND_HOURS;
    const hour = cstHour(now);
    if (hour < from || hour >= to) return 0;
    const horizon = new Date(now.getTime() + this.config.VISITORS_REMINDER_MINUTES * 60_000);
    const link = await this.links.passLink();
    return this.db.transaction(async (tx) => {
      const rows = await this.move(
        tx,
        { remindedAt: now },
        and(
          eq(visitorsVisits.status, 'approved'),
          isNull(visitorsVisits.remindedAt),
          gt(visitorsVisits.windowStart, now),
          lte(visitorsVisits.windowStart, horizon),
        ),
      );
      for (const v of rows) {
        if (!v.phoneEnc) continue;
        await this.notifier.notify(tx, {
          template: 'visitors.reminder',
          params: { when: cstLabel(v.windowStart), link },
          to: [{ phone: this.cipher.decrypt(v.phoneEnc) }],
          dedupeKey: `visit-reminder:${v.id}`,
        });
      }
      return this.record(tx, 'visitors.sweep.reminded', rows.length);
    });
  }

  /** Erases visitors' personal data after the retention period; passages stay, anonymised, for statistics. */
  private async anonymise(now: Date) {
    const cutoff = new Date(now.getTime() - this.config.VISITORS_RETENTION_DAYS * 24 * 3600_000);
    return this.db.transaction(async (tx) => {
      const rows = await this.move(
        tx,
        {
          visitorName: '已删除',
          phoneEnc: null,
          phoneHash: null,
          idNumberEnc: null,
          idNumberHash: null,
          idNumberMasked: null,
          company: null,
          plate: null,
          purpose: '已删除',
          decisionNote: null,
          linkTokenHash: null,
          anonymisedAt: now,
        },
        and(
          isNull(visitorsVisits.anonymisedAt),
          lt(visitorsVisits.windowEnd, cutoff),
          inArray(visitorsVisits.status, ['rejected', 'cancelled', 'expired', 'checked_out', 'no_show']),
        ),
      );
      if (rows.length > 0) {
        await tx
          .update(visitorsPassages)
          .set({ display: '访客（已匿名）' })
          .where(
            inArray(
              visitorsPassages.visitId,
              rows.map((r) => r.id),
            ),
          );
      }
      // SMS sent to visitors keep their number only as long as the visit does.
      await tx
        .delete(notifications)
        .where(and(isNull(notifications.personId), lt(notifications.createdAt, cutoff)));
      return this.record(tx, 'visitors.sweep.anonymised', rows.length);
    });
  }

  private move(tx: Tx, set: Partial<typeof visitorsVisits.$inferInsert>, where: ReturnType<typeof and>) {
    return tx
      .update(visitorsVisits)
      .set({ ...set, updatedAt: sql`now()` })
      .where(where)
      .returning();
  }

  private async record(tx: Tx, action: string, count: number) {
    if (count > 0) {
      await this.audit.record(tx, SYSTEM_CTX, {
        action,
        entityType: 'visitors_visit',
        details: { count },
        system: true,
      });
    }
    return count;
  }
}
