import { z } from 'zod';
import { subscribeTime } from './subscribe-keywords.js';

export const NotificationCategory = z.enum([
  'account',
  'announcement',
  'visitors',
  'meeting-rooms',
  'canteen',
  'cars',
  'repairs',
]);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const categoryLabels: Record<NotificationCategory, string> = {
  account: '账号与权限',
  announcement: '通知公告',
  visitors: '访客',
  'meeting-rooms': '会议室',
  canteen: '食堂',
  cars: '公务用车',
  repairs: '报修',
};

export const Urgency = z.enum(['normal', 'urgent']);
export type Urgency = z.infer<typeof Urgency>;

/** Our names for WeChat subscribe templates; config maps each to a WeChat template id and its keywords. */
export const SubscribeTemplateKey = z.enum([
  'account_change',
  'announcement',
  'visitor_arrived',
  'visit_request',
]);
export type SubscribeTemplateKey = z.infer<typeof SubscribeTemplateKey>;

/** Our names for approved SMS templates; config maps each to a Tencent template id. */
export const SmsTemplateKey = z.enum([
  'login_code',
  'announcement',
  'visitor_invitation',
  'visitor_pass',
  'visitor_decision',
  'visitor_reminder',
  'meeting_guest_invitation',
  'meeting_guest_change',
  'meeting_guest_cancelled',
]);
export type SmsTemplateKey = z.infer<typeof SmsTemplateKey>;

export interface NotificationTemplate<S extends z.ZodType, P = z.output<S>> {
  category: NotificationCategory;
  params: S;
  title(p: P): string;
  body(p: P): string;
  /** Mini-program page the notification opens. */
  link(p: P): string;
  subscribe?: { key: SubscribeTemplateKey; data(p: P, at: Date): Record<string, string> };
  sms?: { key: SmsTemplateKey; params(p: P): string[] };
}

const template = <S extends z.ZodType>(t: NotificationTemplate<S>) => t;

/**
 * Every notification the product sends. Business code names a key and passes typed params; a wrong key or
 * wrong params fail to compile, and params are validated again when the notification is recorded.
 */
export const notificationTemplates = {
  'directory.roles_changed': template({
    category: 'account',
    params: z.object({ roles: z.string().min(1).max(200) }),
    title: () => '您的角色已调整',
    body: (p) => `管理员已将您的角色调整为：${p.roles}`,
    link: () => '/pages/me/index',
    subscribe: {
      key: 'account_change',
      data: (p, at) => ({ thing1: '角色调整', thing2: p.roles, time3: subscribeTime(at) }),
    },
  }),
  'platform.announcement': template({
    category: 'announcement',
    params: z.object({
      title: z.string().trim().min(1).max(40),
      body: z.string().trim().min(1).max(1000),
      publisher: z.string().min(1).max(40),
    }),
    title: (p) => p.title,
    body: (p) => p.body,
    link: () => '/pages/inbox/index',
    subscribe: {
      key: 'announcement',
      data: (p, at) => ({ thing1: p.title, thing2: p.publisher, time3: subscribeTime(at) }),
    },
    sms: { key: 'announcement', params: (p) => [p.publisher, p.title] },
  }),
  'visitors.invited': template({
    category: 'visitors',
    params: z.object({ host: z.string(), when: z.string(), link: z.string().max(200) }),
    title: (p) => `${p.host}邀请您来访`,
    body: (p) => `${p.host}邀请您于${p.when}来访`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'visitor_invitation', params: (p) => [p.host, p.when, p.link] },
  }),
  'visitors.pass_ready': template({
    category: 'visitors',
    params: z.object({ from: z.string(), to: z.string(), link: z.string().max(200) }),
    title: () => '访客通行证已生效',
    body: (p) => `有效期${p.from}至${p.to}`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'visitor_pass', params: (p) => [p.from, p.to, p.link] },
  }),
  'visitors.request_decided': template({
    category: 'visitors',
    params: z.object({
      host: z.string(),
      outcome: z.enum(['已通过', '未通过', '已过期', '已取消']),
      note: z.string(),
    }),
    title: (p) => `来访申请${p.outcome}`,
    body: (p) => `您预约拜访${p.host}的申请${p.outcome}。${p.note}`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'visitor_decision', params: (p) => [p.host, p.outcome, p.note] },
  }),
  'visitors.reminder': template({
    category: 'visitors',
    params: z.object({ when: z.string(), link: z.string().max(200) }),
    title: () => '来访提醒',
    body: (p) => `您的来访将于${p.when}开始`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'visitor_reminder', params: (p) => [p.when, p.link] },
  }),
  'visitors.arrived': template({
    category: 'visitors',
    params: z.object({ visitId: z.string(), visitor: z.string(), gate: z.string() }),
    title: () => '您的访客已到达',
    body: (p) => `${p.visitor}已从${p.gate}进入`,
    link: (p) => `/visitors/pages/visit/index?id=${p.visitId}`,
    subscribe: {
      key: 'visitor_arrived',
      data: (p, at) => ({ thing1: p.visitor, thing2: p.gate, time3: subscribeTime(at) }),
    },
  }),
  'visitors.approval_needed': template({
    category: 'visitors',
    params: z.object({
      visitId: z.string(),
      visitor: z.string(),
      origin: z.string(),
      when: z.string(),
    }),
    title: (p) => `${p.visitor}的${p.origin}待您审批`,
    body: (p) => `来访时间：${p.when}`,
    link: (p) => `/visitors/pages/visit/index?id=${p.visitId}`,
    subscribe: {
      key: 'visit_request',
      data: (p, at) => ({ thing1: p.visitor, thing2: p.origin, time3: subscribeTime(at) }),
    },
  }),
  'visitors.visit_decided': template({
    category: 'visitors',
    params: z.object({ visitId: z.string(), visitor: z.string(), outcome: z.string() }),
    title: (p) => `${p.visitor}的来访${p.outcome}`,
    body: (p) => `${p.visitor}的来访${p.outcome}`,
    link: (p) => `/visitors/pages/visit/index?id=${p.visitId}`,
  }),
  'visitors.blocked_at_gate': template({
    category: 'visitors',
    params: z.object({ visitor: z.string(), gate: z.string(), reason: z.string() }),
    title: () => '禁止来访人员出现',
    body: (p) => `${p.visitor}在${p.gate}被拦截：${p.reason}`,
    link: () => '/visitors/pages/guard/index',
  }),
  'meeting-rooms.approval_needed': template({
    category: 'meeting-rooms',
    params: z.object({ bookingId: z.string(), organizer: z.string(), room: z.string(), when: z.string() }),
    title: (p) => `${p.organizer}预订${p.room}待您审批`,
    body: (p) => `会议时间：${p.when}`,
    link: () => '/meeting-rooms/pages/approvals/index',
  }),
  'meeting-rooms.booking_decided': template({
    category: 'meeting-rooms',
    params: z.object({
      bookingId: z.string(),
      room: z.string(),
      when: z.string(),
      outcome: z.enum(['已通过', '未通过', '审批超时']),
      note: z.string(),
    }),
    title: (p) => `会议室预订${p.outcome}`,
    body: (p) => `您预订的${p.room}（${p.when}）${p.outcome}。${p.note}`,
    link: (p) => `/meeting-rooms/pages/booking/index?id=${p.bookingId}`,
  }),
  'meeting-rooms.booking_released': template({
    category: 'meeting-rooms',
    params: z.object({ bookingId: z.string(), room: z.string(), when: z.string(), minutes: z.number() }),
    title: () => '会议室预订已释放',
    body: (p) => `您预订的${p.room}（${p.when}）开始 ${p.minutes} 分钟后仍无人签到，已自动释放。`,
    link: (p) => `/meeting-rooms/pages/booking/index?id=${p.bookingId}`,
  }),
  'meeting-rooms.series_cancelled': template({
    category: 'meeting-rooms',
    params: z.object({
      seriesId: z.string(),
      title: z.string(),
      room: z.string(),
      noShows: z.number(),
      cancelled: z.number(),
    }),
    title: () => '周期会议已自动取消',
    body: (p) =>
      `您在${p.room}的周期会议「${p.title}」已有 ${p.noShows} 次无人签到，之后的 ${p.cancelled} 次预订已自动取消。`,
    link: () => '/pages/inbox/index',
  }),
  'meeting-rooms.guest_invited': template({
    category: 'meeting-rooms',
    params: z.object({
      organizer: z.string(),
      title: z.string(),
      when: z.string(),
      place: z.string(),
      link: z.string().max(200),
    }),
    title: (p) => `${p.organizer}邀请您参加会议`,
    body: (p) => `「${p.title}」，${p.when}，${p.place}`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'meeting_guest_invitation', params: (p) => [p.organizer, p.title, p.when, p.place, p.link] },
  }),
  'meeting-rooms.guest_moved': template({
    category: 'meeting-rooms',
    params: z.object({ title: z.string(), when: z.string(), link: z.string().max(200) }),
    title: () => '会议时间已变更',
    body: (p) => `「${p.title}」改至${p.when}，通行证有效期已随之调整`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'meeting_guest_change', params: (p) => [p.title, p.when, p.link] },
  }),
  'meeting-rooms.guest_cancelled': template({
    category: 'meeting-rooms',
    params: z.object({ title: z.string(), when: z.string() }),
    title: () => '会议已取消',
    body: (p) => `「${p.title}」（${p.when}）已取消，通行证已作废`,
    link: () => '/visitor/pages/pass/index',
    sms: { key: 'meeting_guest_cancelled', params: (p) => [p.title, p.when] },
  }),
  /** To staff attendees when a meeting they are in is booked, moved or cancelled. */
  'meeting-rooms.meeting_changed': template({
    category: 'meeting-rooms',
    params: z.object({
      bookingId: z.string(),
      title: z.string(),
      change: z.enum(['邀请您参加', '已改期', '已取消']),
      when: z.string(),
      room: z.string(),
    }),
    title: (p) => (p.change === '邀请您参加' ? `会议邀请：${p.title}` : `会议${p.change}：${p.title}`),
    body: (p) => `时间：${p.when}，地点：${p.room}`,
    link: (p) => `/meeting-rooms/pages/booking/index?id=${p.bookingId}`,
  }),
  /** To meeting_service staff: a booking asks for services. */
  'meeting-rooms.service_requested': template({
    category: 'meeting-rooms',
    params: z.object({ room: z.string(), when: z.string(), title: z.string(), services: z.string() }),
    title: (p) => `会议服务：${p.services}`,
    body: (p) => `${p.room}，${p.when}「${p.title}」`,
    link: () => '/meeting-rooms/pages/service-tasks/index',
  }),
  /** To the organizer: a service task was accepted or done. */
  'meeting-rooms.service_updated': template({
    category: 'meeting-rooms',
    params: z.object({
      bookingId: z.string(),
      service: z.string(),
      status: z.enum(['已接单', '已完成']),
      by: z.string(),
      room: z.string(),
      when: z.string(),
    }),
    title: (p) => `${p.service}${p.status}`,
    body: (p) => `${p.room}（${p.when}）的${p.service}服务${p.status}，服务人员：${p.by}`,
    link: (p) => `/meeting-rooms/pages/booking/index?id=${p.bookingId}`,
  }),
};

export type NotificationTemplateKey = keyof typeof notificationTemplates;
export type TemplateParams<K extends NotificationTemplateKey> = z.input<
  (typeof notificationTemplates)[K]['params']
>;
