import { z } from 'zod';
import { route } from '../common/route.js';
import { PageQuerySchema, pageOf } from '../common/page.js';
import { IdSchema, IsoDateTimeSchema } from '../common/schemas.js';
import { NotificationCategory, Urgency } from './notification-templates.js';

export const InboxItemSchema = z.object({
  id: z.string(),
  template: z.string(),
  category: NotificationCategory,
  title: z.string(),
  body: z.string(),
  link: z.string(),
  urgency: Urgency,
  createdAt: IsoDateTimeSchema,
  readAt: IsoDateTimeSchema.nullable(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxQuerySchema = PageQuerySchema.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const UnreadCountSchema = z.object({ count: z.number().int().min(0) });

export const PreferencesSchema = z.strictObject({
  /** Categories whose non-urgent notifications reach only the inbox (no push, no SMS). */
  mutedCategories: z.array(NotificationCategory).max(20),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const SubscribeTemplateSchema = z.object({
  key: z.string(),
  templateId: z.string(),
  credits: z.number().int(),
});

export const SubscribeResult = z.enum(['accept', 'reject', 'ban', 'filter', 'acceptWithAudio']);
export const ReportSubscriptionsSchema = z.strictObject({
  /** What `wx.requestSubscribeMessage` answered per template id (at most 3 asked per tap). */
  results: z.record(z.string().min(1).max(64), SubscribeResult).refine((r) => Object.keys(r).length <= 3, {
    message: '一次最多订阅 3 个消息模板',
  }),
});

export const AnnouncementBodySchema = z.strictObject({
  title: z.string().trim().min(1, { message: '标题不能为空' }).max(40, { message: '标题不能超过 40 个字' }),
  body: z
    .string()
    .trim()
    .min(1, { message: '内容不能为空' })
    .max(1000, { message: '内容不能超过 1000 个字' }),
  /** Empty: the whole compound. Otherwise these departments and those below them. */
  departmentIds: z.array(IdSchema).max(50).default([]),
  urgency: Urgency.default('normal'),
});

export const DeliveryChannel = z.enum(['realtime', 'subscribe', 'sms']);
export const DeliveryStatus = z.enum(['pending', 'queued', 'sending', 'retry', 'sent', 'skipped', 'dead']);

export const DeliverySchema = z.object({
  id: z.string(),
  notificationId: z.string().nullable(),
  template: z.string(),
  channel: DeliveryChannel,
  status: DeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Who it is for: a person's name, or a masked phone number. */
  recipient: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const notificationRoutes = {
  inbox: route({
    method: 'GET',
    path: '/api/notifications',
    summary: 'My notifications, newest first',
    tag: 'notifications',
    access: 'user',
    query: InboxQuerySchema,
    res: pageOf(InboxItemSchema),
    errors: [],
  }),
  unreadCount: route({
    method: 'GET',
    path: '/api/notifications/unread-count',
    summary: 'How many of my notifications are unread',
    tag: 'notifications',
    access: 'user',
    res: UnreadCountSchema,
    errors: [],
  }),
  markRead: route({
    method: 'POST',
    path: '/api/notifications/:id/read',
    summary: 'Mark one of my notifications read',
    tag: 'notifications',
    access: 'user',
    res: InboxItemSchema,
    errors: ['NOTIFICATIONS_NOT_FOUND'],
  }),
  markAllRead: route({
    method: 'POST',
    path: '/api/notifications/read-all',
    summary: 'Mark all my notifications read',
    tag: 'notifications',
    access: 'user',
    res: z.object({ updated: z.number().int() }),
    errors: [],
  }),
  preferences: route({
    method: 'GET',
    path: '/api/notifications/preferences',
    summary: 'My notification preferences',
    tag: 'notifications',
    access: 'user',
    res: PreferencesSchema,
    errors: [],
  }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/notifications/preferences',
    summary: 'Mute or unmute categories (urgent notifications always come through)',
    tag: 'notifications',
    access: 'user',
    body: PreferencesSchema,
    res: PreferencesSchema,
    errors: [],
  }),
  subscribeTemplates: route({
    method: 'GET',
    path: '/api/notifications/subscribe-templates',
    summary: 'WeChat subscribe templates the app may ask for, with my remaining one-time credits',
    tag: 'notifications',
    access: 'user',
    res: z.object({ items: z.array(SubscribeTemplateSchema) }),
    errors: [],
  }),
  reportSubscriptions: route({
    method: 'POST',
    path: '/api/notifications/subscriptions',
    summary: 'Report what wx.requestSubscribeMessage answered; each accept is one send credit',
    tag: 'notifications',
    access: 'user',
    body: ReportSubscriptionsSchema,
    res: z.object({ items: z.array(SubscribeTemplateSchema) }),
    errors: ['NOTIFICATIONS_UNKNOWN_TEMPLATE'],
  }),
  announce: route({
    method: 'POST',
    path: '/api/notifications/announcements',
    summary: 'Publish an announcement to the compound or to departments (admin)',
    tag: 'notifications',
    access: ['admin'],
    body: AnnouncementBodySchema,
    res: z.object({ recipients: z.number().int() }),
    errors: ['DIRECTORY_DEPARTMENT_NOT_FOUND'],
  }),
  deadLetters: route({
    method: 'GET',
    path: '/api/notifications/dead-letters',
    summary: 'Deliveries that failed for good (admin)',
    tag: 'notifications',
    access: ['admin'],
    query: PageQuerySchema,
    res: pageOf(DeliverySchema),
    errors: [],
  }),
  retryDelivery: route({
    method: 'POST',
    path: '/api/notifications/deliveries/:id/retry',
    summary: 'Send a dead delivery again (admin)',
    tag: 'notifications',
    access: ['admin'],
    params: z.object({ id: z.string().regex(/^\d{1,18}$/, { message: '编号格式不正确' }) }),
    res: DeliverySchema,
    errors: ['NOTIFICATIONS_NOT_FOUND', 'NOTIFICATIONS_NOT_DEAD'],
  }),
};

/** WebSocket at `/api/ws`: the first message authenticates; then the server pushes, the client pings. */
export const REALTIME_PATH = '/api/ws';
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), unread: z.number().int() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('notification'), item: InboxItemSchema }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
