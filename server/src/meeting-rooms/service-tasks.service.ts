import {
  hasRole,
  meetingServiceLabels,
  type ParsedQuery,
  type ServiceTask,
  serviceTaskRoutes as r,
} from '@dayuan/shared';
import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { AuditRepository } from '../platform/audit/audit.repository.js';
import type { Tx } from '../platform/db/client.js';
import { meetingRoomsServiceTasks } from '../platform/db/schema.js';
import { AppError } from '../platform/http/app-error.js';
import type { AuthedCtx } from '../platform/http/request-context.js';
import { DeliveryDispatcher } from '../platform/notifications/dispatcher.js';
import { Notifier } from '../platform/notifications/notifier.js';
import { addDays, cstDate, cstInstant } from '../platform/time/china-time.js';
import { MeetingRoomsClock } from './clock.js';
import { type ServiceTaskDetail, ServiceTasksRepository } from './service-tasks.repository.js';
import { whenLabel } from './slot-time.js';

/** The meeting_service queue: a day's tasks, accept (one taker wins), done; the organizer hears of both. */
@Injectable()
export class ServiceTasksService {
  constructor(
    private readonly repo: ServiceTasksRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: MeetingRoomsClock,
  ) {}

  async list(q: ParsedQuery<typeof r.list>) {
    const date = q.date ?? cstDate(this.clock.now());
    const { items, total } = await this.repo.page(
      cstInstant(date, '00:00'),
      cstInstant(addDays(date, 1), '00:00'),
      q.show === 'active' ? ['open', 'accepted'] : ['open', 'accepted', 'done', 'cancelled'],
      q.page,
      q.pageSize,
    );
    return { items: items.map(taskView), total, page: q.page, pageSize: q.pageSize };
  }

  /** open → accepted in one conditional update: of two staff accepting at once, exactly one wins. */
  async accept(ctx: AuthedCtx, id: string): Promise<ServiceTask> {
    const me = ctx.principal;
    const now = this.clock.now();
    await this.repo.transaction(async (tx) => {
      const accepted = await this.repo.transition(tx, id, 'open', {
        status: 'accepted',
        acceptedBy: me.personId,
        acceptedAt: now,
      });
      if (!accepted) throw await this.refusal(tx, id);
      await this.recordAndNotify(tx, ctx, id, 'accepted');
    });
    this.dispatcher.kick();
    return this.load(id);
  }

  /** accepted → done, by whoever accepted the task or an admin. */
  async done(ctx: AuthedCtx, id: string): Promise<ServiceTask> {
    const me = ctx.principal;
    const admin = hasRole(me.roles, 'admin');
    const task = await this.repo.find(id);
    if (!task) throw new AppError('MEETING_ROOMS_SERVICE_TASK_NOT_FOUND');
    if (task.task.status === 'accepted' && task.task.acceptedBy !== me.personId && !admin) {
      throw new AppError('MEETING_ROOMS_NOT_YOUR_SERVICE_TASK');
    }
    await this.repo.transaction(async (tx) => {
      const done = await this.repo.transition(
        tx,
        id,
        'accepted',
        { status: 'done', doneAt: this.clock.now() },
        admin ? undefined : sql`${meetingRoomsServiceTasks.acceptedBy} = ${me.personId}`,
      );
      if (!done) throw new AppError('MEETING_ROOMS_SERVICE_TASK_STATE');
      await this.recordAndNotify(tx, ctx, id, 'done');
    });
    this.dispatcher.kick();
    return this.load(id);
  }

  /** Why a transition found no row: the task does not exist, or it is no longer in the state required. */
  private async refusal(tx: Tx, id: string): Promise<AppError> {
    return (await this.repo.find(id, tx))
      ? new AppError('MEETING_ROOMS_SERVICE_TASK_STATE')
      : new AppError('MEETING_ROOMS_SERVICE_TASK_NOT_FOUND');
  }

  private async recordAndNotify(tx: Tx, ctx: AuthedCtx, id: string, status: 'accepted' | 'done') {
    const row = (await this.repo.find(id, tx))!;
    const { task, booking } = row;
    await this.audit.record(tx, ctx, {
      action: `meeting_rooms.service_task.${status}`,
      entityType: 'meeting_rooms_service_task',
      entityId: id,
      details: { bookingId: booking.id, service: task.service },
    });
    await this.notifier.notify(tx, {
      template: 'meeting-rooms.service_updated',
      params: {
        bookingId: booking.id,
        service: meetingServiceLabels[task.service],
        status: status === 'accepted' ? '已接单' : '已完成',
        by: ctx.principal.name,
        room: row.roomName,
        when: whenLabel(booking.during.start, booking.during.end),
      },
      to: [{ personId: booking.organizerId }],
      dedupeKey: `meeting-service-task:${id}:${status}`,
    });
  }

  private async load(id: string): Promise<ServiceTask> {
    return taskView((await this.repo.find(id))!);
  }
}

function taskView(row: ServiceTaskDetail): ServiceTask {
  const { task, booking: b } = row;
  return {
    id: task.id,
    service: task.service,
    status: task.status,
    staff: row.staffName,
    doneAt: task.doneAt?.toISOString() ?? null,
    acceptedAt: task.acceptedAt?.toISOString() ?? null,
    booking: {
      id: b.id,
      title: b.title,
      room: { id: b.roomId, name: row.roomName, building: row.buildingName, floor: row.floor },
      start: b.during.start.toISOString(),
      end: b.during.end.toISOString(),
      organizer: { name: row.organizerName, department: row.department },
      headcount: row.headcount,
    },
  };
}
