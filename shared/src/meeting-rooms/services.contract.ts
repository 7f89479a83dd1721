import { z } from 'zod';
import { pageOf, PageQuerySchema } from '../common/page.js';
import { route } from '../common/route.js';
import { DaySchema, IsoDateTimeSchema } from '../common/schemas.js';
import { MeetingService } from './service-kinds.js';

/**
 * One service a booking asked for (tea for room 202 at 09:00). `open` until a meeting_service member accepts
 * it, `done` when set up; `cancelled` when the booking no longer holds its slot.
 */
export const ServiceTaskStatus = z.enum(['open', 'accepted', 'done', 'cancelled']);
export type ServiceTaskStatus = z.infer<typeof ServiceTaskStatus>;

export const serviceTaskStatusLabels: Record<ServiceTaskStatus, string> = {
  open: '待接单',
  accepted: '已接单',
  done: '已完成',
  cancelled: '已取消',
};

/** A task as the organizer sees it on the booking. */
export const ServiceTaskSummarySchema = z.object({
  id: z.string(),
  service: MeetingService,
  status: ServiceTaskStatus,
  /** Who accepted it; null while open. */
  staff: z.string().nullable(),
  doneAt: IsoDateTimeSchema.nullable(),
});
export type ServiceTaskSummary = z.infer<typeof ServiceTaskSummarySchema>;

/** A task as meeting_service staff see it in their queue. */
export const ServiceTaskSchema = ServiceTaskSummarySchema.extend({
  booking: z.object({
    id: z.string(),
    title: z.string(),
    room: z.object({ id: z.string(), name: z.string(), building: z.string(), floor: z.number().int() }),
    start: IsoDateTimeSchema,
    end: IsoDateTimeSchema,
    organizer: z.object({ name: z.string(), department: z.string().nullable() }),
    /** Organizer, staff attendees and guests: how many cups and name cards. */
    headcount: z.number().int(),
  }),
  acceptedAt: IsoDateTimeSchema.nullable(),
});
export type ServiceTask = z.infer<typeof ServiceTaskSchema>;

export const ServiceTaskQuerySchema = PageQuerySchema.extend({
  /** China day of the meetings; default today. */
  date: DaySchema.optional(),
  /** `active`: open and accepted; `all`: every status. */
  show: z.enum(['active', 'all']).default('active'),
});

const taskErrors = ['MEETING_ROOMS_SERVICE_TASK_NOT_FOUND', 'MEETING_ROOMS_SERVICE_TASK_STATE'] as const;

/** The meeting_service queue: tasks of the day by meeting start, accept, then mark done. */
export const serviceTaskRoutes = {
  list: route({
    method: 'GET',
    path: '/api/meeting-rooms/service-tasks',
    summary: 'Service tasks of one China day, soonest meeting first (meeting_service staff, admin)',
    tag: 'meeting-rooms',
    access: ['meeting_service', 'admin'],
    query: ServiceTaskQuerySchema,
    res: pageOf(ServiceTaskSchema),
    errors: [],
  }),
  accept: route({
    method: 'POST',
    path: '/api/meeting-rooms/service-tasks/:id/accept',
    summary: 'Take an open task; the organizer is told who will serve',
    tag: 'meeting-rooms',
    access: ['meeting_service'],
    res: ServiceTaskSchema,
    errors: taskErrors,
  }),
  done: route({
    method: 'POST',
    path: '/api/meeting-rooms/service-tasks/:id/done',
    summary: 'Mark an accepted task done (whoever accepted it, or an admin); the organizer is told',
    tag: 'meeting-rooms',
    access: ['meeting_service', 'admin'],
    res: ServiceTaskSchema,
    errors: [...taskErrors, 'MEETING_ROOMS_NOT_YOUR_SERVICE_TASK'],
  }),
};
