import { z } from 'zod';
import { pageOf, PageQuerySchema } from '../common/page.js';
import { route } from '../common/route.js';
import { CnMobileSchema, IdSchema, IsoDateTimeSchema, PersonNameSchema } from '../common/schemas.js';
import {
  GuestCodeSchema,
  GuestSessionSchema,
  guestCodeErrors,
  guestSessionErrors,
  SmsCodeSentSchema,
} from '../platform/guest.contract.js';
import { EntryCodeSchema } from './gate.contract.js';
import { IdNumberSchema } from './id-number.js';
import { PlateSchema } from './plate.js';

/**
 * A visit is one visitor on one day: it carries the pass. Invitations and approved requests start
 * `approved`; requests and walk-ins wait in `pending` for the host, then (by zone policy) an approver.
 */
export const VisitStatus = z.enum([
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'checked_in',
  'checked_out',
  'no_show',
]);
export type VisitStatus = z.infer<typeof VisitStatus>;

export const visitStatusLabels: Record<VisitStatus, string> = {
  pending: '待审批',
  approved: '待到访',
  rejected: '已拒绝',
  cancelled: '已取消',
  expired: '已过期',
  checked_in: '已到访',
  checked_out: '已离开',
  no_show: '未到访',
};

export const VisitOrigin = z.enum(['invitation', 'request', 'walk_in', 'meeting']);
export type VisitOrigin = z.infer<typeof VisitOrigin>;
export const visitOriginLabels: Record<VisitOrigin, string> = {
  invitation: '邀请',
  request: '预约申请',
  walk_in: '现场登记',
  meeting: '会议邀请',
};

/** Who must decide a pending visit next. */
export const Awaiting = z.enum(['host', 'approver']);

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });
const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' });
const CompanySchema = z.string().trim().max(60, { message: '单位名称不能超过 60 个字' });
const PurposeSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写来访事由' })
  .max(100, { message: '来访事由不能超过 100 个字' });
const GateIdsSchema = z.array(IdSchema).min(1, { message: '请至少选择一个通行区域' }).max(10);

/** A time window on one day, China Standard Time. */
export const VisitWindowSchema = z.strictObject({
  date: DateSchema,
  startTime: TimeSchema,
  endTime: TimeSchema,
});

export const GateRefSchema = z.object({ id: z.string(), name: z.string() });

/** A visit as staff see it: phone and ID number masked; full values only through `personalData`. */
export const VisitSchema = z.object({
  id: z.string(),
  origin: VisitOrigin,
  status: VisitStatus,
  awaiting: Awaiting.nullable(),
  visitor: z.object({
    name: z.string(),
    phoneMasked: z.string(),
    company: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
    plate: z.string().nullable(),
  }),
  host: z.object({ id: z.string(), name: z.string(), department: z.string().nullable() }),
  purpose: z.string(),
  windowStart: IsoDateTimeSchema,
  windowEnd: IsoDateTimeSchema,
  gates: z.array(GateRefSchema),
  entries: z.object({ used: z.number().int(), max: z.number().int() }),
  inside: z.boolean(),
  profileComplete: z.boolean(),
  /** The visitor matches the block list (shown to deciders and guards). */
  blocked: z.boolean(),
  decisionNote: z.string().nullable(),
  checkedInAt: IsoDateTimeSchema.nullable(),
  checkedOutAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type Visit = z.infer<typeof VisitSchema>;

/** A visit as its visitor sees it. */
export const VisitorPassSchema = z.object({
  id: z.string(),
  status: VisitStatus,
  awaiting: Awaiting.nullable(),
  hostName: z.string(),
  purpose: z.string(),
  windowStart: IsoDateTimeSchema,
  windowEnd: IsoDateTimeSchema,
  gates: z.array(GateRefSchema),
  entries: z.object({ used: z.number().int(), max: z.number().int() }),
  profile: z.object({
    name: z.string(),
    company: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
    plate: z.string().nullable(),
  }),
  /** What the visitor still has to do before the QR code is shown. */
  remaining: z.object({ idNumber: z.boolean(), privacy: z.boolean() }),
  decisionNote: z.string().nullable(),
});
export type VisitorPass = z.infer<typeof VisitorPassSchema>;

export const ZoneSchema = GateRefSchema.extend({
  idNumberRequired: z.boolean(),
  approverRequired: z.boolean(),
});
export type Zone = z.infer<typeof ZoneSchema>;

export const VisitorInputSchema = z.strictObject({
  name: PersonNameSchema,
  phone: CnMobileSchema,
  company: CompanySchema.optional(),
  plate: PlateSchema.optional(),
});

export const InviteBodySchema = z.strictObject({
  visitors: z.array(VisitorInputSchema).min(1, { message: '请至少添加一位访客' }).max(20),
  purpose: PurposeSchema,
  window: VisitWindowSchema,
  /** Repeat the same window on this many consecutive days. */
  days: z.number().int().min(1).max(30).default(1),
  gateIds: GateIdsSchema,
  maxEntries: z.number().int().min(1).max(10).default(1),
});

export const RequestBodySchema = z.strictObject({
  /** The phone the guest token was issued for. */
  phone: CnMobileSchema,
  name: PersonNameSchema,
  company: CompanySchema.optional(),
  purpose: PurposeSchema,
  window: VisitWindowSchema,
  gateIds: GateIdsSchema,
  plate: PlateSchema.optional(),
  idNumber: IdNumberSchema.optional(),
  acceptPrivacy: z.literal(true, { message: '请先阅读并同意个人信息告知' }),
});

export const ProfileBodySchema = z.strictObject({
  idNumber: IdNumberSchema.optional(),
  acceptPrivacy: z.literal(true, { message: '请先阅读并同意个人信息告知' }),
});

export const DecisionBodySchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(100).optional(),
});

export const VisitListQuerySchema = PageQuerySchema.extend({
  /** `mine` = my visitors (host); `approvals` = waiting for me; `all` = admin. */
  scope: z.enum(['mine', 'approvals', 'all']).default('mine'),
  status: VisitStatus.optional(),
});

export const BookingLinkSchema = z.object({
  code: z.string(),
  dailyCap: z.number().int(),
  enabled: z.boolean(),
  /** Page path + query a shared mini-program card or a printed code opens. */
  path: z.string(),
  /** The same page in the H5 app, when the deployment has a public H5 address. */
  url: z.string().nullable(),
});

export const BookingPageSchema = z.object({
  host: z.object({ name: z.string(), department: z.string().nullable() }),
  zones: z.array(ZoneSchema),
});

export const InvitationLinkSchema = z.object({
  hostName: z.string(),
  phoneMasked: z.string(),
  windowStart: IsoDateTimeSchema,
  windowEnd: IsoDateTimeSchema,
});

export const WalkInBodySchema = z.strictObject({
  gateId: IdSchema,
  hostId: IdSchema,
  name: PersonNameSchema,
  phone: CnMobileSchema,
  company: CompanySchema.optional(),
  purpose: PurposeSchema,
  plate: PlateSchema.optional(),
  idNumber: IdNumberSchema.optional(),
  /** Leaves by this time today. */
  until: TimeSchema,
});

export const ManualPassageBodySchema = z.strictObject({
  gateId: IdSchema,
  reason: z.string().trim().min(2, { message: '请填写原因' }).max(100),
});

export const ExpectedQuerySchema = z.strictObject({
  gateId: IdSchema.optional(),
  status: VisitStatus.optional(),
  /** Visitor name, phone digits or plate. */
  q: z.string().trim().max(30).optional(),
});

export const PersonalDataSchema = z.object({ phone: z.string(), idNumber: z.string().nullable() });

const stateErrors = ['VISITORS_VISIT_NOT_FOUND', 'VISITORS_STATE_CONFLICT'] as const;

export const visitRoutes = {
  zones: route({
    method: 'GET',
    path: '/api/visitors/zones',
    summary: 'Gates a visit can be valid for, with their policy',
    tag: 'visitors',
    access: 'user',
    res: z.object({ items: z.array(ZoneSchema) }),
    errors: [],
  }),
  updateZone: route({
    method: 'PUT',
    path: '/api/visitors/zones/:id',
    summary: 'Set a gate’s visitor policy (admin)',
    tag: 'visitors',
    access: ['admin'],
    body: z.strictObject({ idNumberRequired: z.boolean(), approverRequired: z.boolean() }),
    res: ZoneSchema,
    errors: ['DIRECTORY_GATE_NOT_FOUND'],
  }),
  invite: route({
    method: 'POST',
    path: '/api/visitors/invitations',
    summary: 'Invite visitors: one visit per visitor and day; each visitor gets an SMS with a link',
    tag: 'visitors',
    access: 'user',
    body: InviteBodySchema,
    res: z.object({ items: z.array(VisitSchema) }),
    errors: [
      'VISITORS_WINDOW_INVALID',
      'VISITORS_BLOCKED',
      'DIRECTORY_GATE_NOT_FOUND',
      'UPSTREAM_UNAVAILABLE',
    ],
  }),
  list: route({
    method: 'GET',
    path: '/api/visitors/visits',
    summary: 'My visitors, visits waiting for my decision, or all visits (admin)',
    tag: 'visitors',
    access: 'user',
    query: VisitListQuerySchema,
    res: pageOf(VisitSchema),
    errors: [],
  }),
  get: route({
    method: 'GET',
    path: '/api/visitors/visits/:id',
    summary: 'One visit (its host, its approver, guards of its gates, admins)',
    tag: 'visitors',
    access: 'user',
    res: VisitSchema,
    errors: ['VISITORS_VISIT_NOT_FOUND', 'VISITORS_NOT_YOUR_VISIT'],
  }),
  personalData: route({
    method: 'GET',
    path: '/api/visitors/visits/:id/personal-data',
    summary: "The visitor's full phone and ID number; every read is audited",
    tag: 'visitors',
    access: 'user',
    res: PersonalDataSchema,
    errors: ['VISITORS_VISIT_NOT_FOUND', 'VISITORS_NOT_YOUR_VISIT'],
  }),
  decide: route({
    method: 'POST',
    path: '/api/visitors/visits/:id/decision',
    summary: 'Approve or reject a pending visit (host first, then an approver when the zone needs one)',
    tag: 'visitors',
    access: 'user',
    body: DecisionBodySchema,
    res: VisitSchema,
    errors: [
      ...stateErrors,
      'VISITORS_NOT_AWAITING_YOU',
      'VISITORS_REQUEST_EXPIRED',
      'VISITORS_BLOCKED',
      'UPSTREAM_UNAVAILABLE',
    ],
  }),
  cancel: route({
    method: 'POST',
    path: '/api/visitors/visits/:id/cancel',
    summary: 'Cancel a visit before it starts (host); the pass stops working at once',
    tag: 'visitors',
    access: 'user',
    res: VisitSchema,
    errors: [...stateErrors, 'VISITORS_NOT_YOUR_VISIT'],
  }),
  bookingLink: route({
    method: 'GET',
    path: '/api/visitors/booking-link',
    summary: 'My public booking code (created on first use)',
    tag: 'visitors',
    access: 'user',
    res: BookingLinkSchema,
    errors: [],
  }),
  updateBookingLink: route({
    method: 'PUT',
    path: '/api/visitors/booking-link',
    summary: 'Change my daily cap, turn my booking code on or off, or replace it with a new one',
    tag: 'visitors',
    access: 'user',
    body: z.strictObject({
      dailyCap: z.number().int().min(1).max(20),
      enabled: z.boolean(),
      renew: z.boolean().default(false),
    }),
    res: BookingLinkSchema,
    errors: [],
  }),

  // Visitors, without an account
  bookingPage: route({
    method: 'GET',
    path: '/api/visitors/booking/:code',
    summary: 'What the public booking page shows for a host code',
    tag: 'visitors',
    access: 'public',
    params: z.object({ code: z.string().regex(/^[A-Za-z0-9]{6,16}$/) }),
    res: BookingPageSchema,
    errors: ['VISITORS_BOOKING_CLOSED'],
  }),
  request: route({
    method: 'POST',
    path: '/api/visitors/booking/:code/requests',
    summary: 'A visitor (guest token) asks to visit the host behind a booking code',
    tag: 'visitors',
    access: 'guest',
    params: z.object({ code: z.string().regex(/^[A-Za-z0-9]{6,16}$/) }),
    body: RequestBodySchema,
    res: VisitorPassSchema,
    errors: [
      'VISITORS_BOOKING_CLOSED',
      'VISITORS_HOST_DAILY_CAP',
      'GUEST_TOKEN_INVALID',
      'VISITORS_WINDOW_INVALID',
      'VISITORS_ID_NUMBER_REQUIRED',
      'VISITORS_BLOCKED',
      'DIRECTORY_GATE_NOT_FOUND',
    ],
  }),
  invitationLink: route({
    method: 'GET',
    path: '/api/visitors/links/:token',
    summary: 'What an SMS link shows before the visitor proves the phone',
    tag: 'visitors',
    access: 'public',
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    res: InvitationLinkSchema,
    errors: ['VISITORS_LINK_INVALID'],
  }),
  invitationCode: route({
    method: 'POST',
    path: '/api/visitors/links/:token/sms-code',
    summary: 'Send a code to the phone the link was sent to',
    tag: 'visitors',
    access: 'public',
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    res: SmsCodeSentSchema,
    errors: ['VISITORS_LINK_INVALID', ...guestCodeErrors],
  }),
  invitationSession: route({
    method: 'POST',
    path: '/api/visitors/links/:token/session',
    summary: "Exchange the link's SMS code for a guest token",
    tag: 'visitors',
    access: 'public',
    params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }),
    body: z.strictObject({ code: GuestCodeSchema }),
    res: GuestSessionSchema,
    errors: ['VISITORS_LINK_INVALID', ...guestSessionErrors],
  }),
  myPasses: route({
    method: 'GET',
    path: '/api/visitors/my/passes',
    summary: "The guest's visits, current and upcoming first",
    tag: 'visitors',
    access: 'guest',
    res: z.object({ items: z.array(VisitorPassSchema) }),
    errors: [],
  }),
  completeProfile: route({
    method: 'PUT',
    path: '/api/visitors/my/passes/:id/profile',
    summary: 'The visitor adds the ID number (when a zone needs it) and accepts the privacy notice',
    tag: 'visitors',
    access: 'guest',
    body: ProfileBodySchema,
    res: VisitorPassSchema,
    errors: [
      'VISITORS_VISIT_NOT_FOUND',
      'VISITORS_ID_NUMBER_REQUIRED',
      'VISITORS_STATE_CONFLICT',
      'VISITORS_BLOCKED',
    ],
  }),
  passCode: route({
    method: 'GET',
    path: '/api/visitors/my/passes/:id/code',
    summary: 'The QR text of an approved, completed pass; it rotates every 30 s like staff codes',
    tag: 'visitors',
    access: 'guest',
    res: EntryCodeSchema,
    errors: [
      'VISITORS_VISIT_NOT_FOUND',
      'VISITORS_PROFILE_INCOMPLETE',
      'VISITORS_PASS_NOT_ACTIVE',
      'VISITORS_PASS_EXPIRED',
    ],
  }),

  // Guards
  expected: route({
    method: 'GET',
    path: '/api/visitors/guard/expected',
    summary: "Today's visits at my gates, by status, with search",
    tag: 'visitors',
    access: ['guard', 'admin'],
    query: ExpectedQuerySchema,
    res: z.object({ items: z.array(VisitSchema) }),
    errors: ['VISITORS_NOT_YOUR_GATE'],
  }),
  walkIn: route({
    method: 'POST',
    path: '/api/visitors/guard/walk-ins',
    summary: 'Register a visitor at the gate; the host is asked at once and decides in the app',
    tag: 'visitors',
    access: ['guard'],
    body: WalkInBodySchema,
    res: VisitSchema,
    errors: [
      'VISITORS_NOT_YOUR_GATE',
      'VISITORS_HOST_NOT_FOUND',
      'VISITORS_BLOCKED',
      'VISITORS_WINDOW_INVALID',
      'VISITORS_ID_NUMBER_REQUIRED',
      'DIRECTORY_GATE_NOT_FOUND',
    ],
  }),
  checkIn: route({
    method: 'POST',
    path: '/api/visitors/guard/visits/:id/check-in',
    summary: 'Let a visitor in by hand, with a reason (audited)',
    tag: 'visitors',
    access: ['guard'],
    body: ManualPassageBodySchema,
    res: VisitSchema,
    errors: [...stateErrors, 'VISITORS_NOT_YOUR_GATE', 'VISITORS_BLOCKED', 'VISITORS_PASS_EXPIRED'],
  }),
  checkOut: route({
    method: 'POST',
    path: '/api/visitors/guard/visits/:id/check-out',
    summary: 'Record a visitor leaving by hand, with a reason (audited)',
    tag: 'visitors',
    access: ['guard'],
    body: ManualPassageBodySchema,
    res: VisitSchema,
    errors: [...stateErrors, 'VISITORS_NOT_YOUR_GATE'],
  }),
};
