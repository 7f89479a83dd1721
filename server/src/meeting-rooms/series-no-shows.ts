import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import { APP_CONFIG, type AppConfig } from '../platform/config/config.js';
import type { Tx } from '../platform/db/client.js';
import type { RequestCtx } from '../platform/http/request-context.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { BookingEffects } from './booking-effects.service.js';
import { type BookingRow, BookingsRepository } from './bookings.repository.js';
import { SeriesRepository } from './series.repository.js';

const SYSTEM_CTX: RequestCtx = { requestId: 'meeting-rooms-sweeper', ip: '', client: 'unknown' };

/**
 * Repeated no-shows on a series, in the sweeper's release transaction: count them, flag the series at the
 * first threshold, and at the second cancel its future occurrences and tell the organizer.
 */
@Injectable()
export class SeriesNoShows {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: SeriesRepository,
    private readonly bookings: BookingsRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly effects: BookingEffects,
  ) {}

  async count(tx: Tx, released: BookingRow[], now: Date) {
    const perSeries = new Map<string, number>();
    for (const b of released) {
      if (b.seriesId) perSeries.set(b.seriesId, (perSeries.get(b.seriesId) ?? 0) + 1);
    }
    for (const [seriesId, n] of perSeries) {
      const series = await this.repo.addNoShows(tx, seriesId, n);
      const flagAt = this.config.MEETING_ROOMS_SERIES_FLAG_NO_SHOWS;
      if (await this.repo.markOnce(tx, seriesId, 'flaggedAt', flagAt, now)) {
        await this.record(tx, seriesId, 'meeting_rooms.series.flagged', { noShows: series.noShows });
      }
      const cancelAt = this.config.MEETING_ROOMS_SERIES_CANCEL_NO_SHOWS;
      if (!(await this.repo.markOnce(tx, seriesId, 'autoCancelledAt', cancelAt, now))) continue;
      const cancelled = await this.repo.cancelFrom(tx, seriesId, now, now, null);
      await this.effects.calledOff(
        tx,
        cancelled.map((b) => b.id),
      );
      await this.record(tx, seriesId, 'meeting_rooms.series.auto_cancelled', {
        noShows: series.noShows,
        cancelled: cancelled.map((b) => b.id),
      });
      await this.notifier.notify(tx, {
        template: 'meeting-rooms.series_cancelled',
        params: {
          seriesId,
          title: series.title,
          room: (await this.bookings.roomNames([series.roomId], tx)).get(series.roomId)!,
          noShows: series.noShows,
          cancelled: cancelled.length,
        },
        to: [{ personId: series.organizerId }],
        dedupeKey: `meeting-series-cancelled:${seriesId}`,
      });
    }
  }

  private record(tx: Tx, seriesId: string, action: string, details: Record<string, unknown>) {
    return this.audit.record(tx, SYSTEM_CTX, {
      action,
      entityType: 'meeting_rooms_series',
      entityId: seriesId,
      details,
      system: true,
    });
  }
}
