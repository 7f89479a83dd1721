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
export const SubscribeTemplateKey = z.enum(['account_change', 'announcement']);
export type SubscribeTemplateKey = z.infer<typeof SubscribeTemplateKey>;

/** Our names for approved SMS templates; config maps each to a Tencent template id. */
export const SmsTemplateKey = z.enum(['login_code', 'announcement']);
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
};

export type NotificationTemplateKey = keyof typeof notificationTemplates;
export type TemplateParams<K extends NotificationTemplateKey> = z.input<
  (typeof notificationTemplates)[K]['params']
>;
