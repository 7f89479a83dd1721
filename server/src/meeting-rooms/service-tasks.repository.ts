import type { MeetingService } from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { and, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { meetingRoomsServiceTasks } from '../platform/db/schema.js';

export type ServiceTaskRow = typeof meetingRoomsServiceTasks.$inferSelect;

/** The meeting_service queue's rows: one per (booking, service). */
@Injectable()
export class ServiceTasksRepository {
  constructor(@InjectDb() readonly db: Db) {}

  /** Tasks for a confirmed booking's services; a service already queued for it is left as it is. */
  open(tx: Tx, bookingId: string, services: MeetingService[]): Promise<ServiceTaskRow[]> {
    if (services.length === 0) return Promise.resolve([]);
    return tx
      .insert(meetingRoomsServiceTasks)
      .values(services.map((service) => ({ bookingId, service })))
      .onConflictDoNothing()
      .returning();
  }

  /** The unfinished tasks of bookings that no longer take place; returns what was cancelled. */
  cancelFor(tx: Tx, bookingIds: string[]): Promise<ServiceTaskRow[]> {
    if (bookingIds.length === 0) return Promise.resolve([]);
    return tx
      .update(meetingRoomsServiceTasks)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(
        and(
          inArray(meetingRoomsServiceTasks.bookingId, bookingIds),
          inArray(meetingRoomsServiceTasks.status, ['open', 'accepted']),
        ),
      )
      .returning();
  }
}
