import dayjs, { type Dayjs } from 'dayjs';
import { WalkInBodySchema, errorTable } from '@dayuan/shared';
import { issuesByField, zodDetails, type FieldIssues } from './field-issues';
import type { WalkInBody } from './guard-api';
import { inCst } from './guard-expected';

export interface WalkInForm {
  name: string;
  phone: string;
  company: string;
  purpose: string;
  plate: string;
  idNumber: string;
  /** `HH:mm` today. */
  until: string;
}

export const WALK_IN_FIELDS = [
  'name',
  'phone',
  'company',
  'purpose',
  'plate',
  'idNumber',
  'until',
  'hostId',
  'gateId',
] as const;
export type WalkInField = (typeof WALK_IN_FIELDS)[number];

/** How long a walk-in visit lasts unless the guard says otherwise. */
const DEFAULT_STAY_HOURS = 2;
const LAST_MINUTE = '23:59';

/** Two hours from now, rounded up to the next half hour (China Standard Time); 23:59 rather than tomorrow. */
export function defaultUntil(now: Dayjs = dayjs()): string {
  const today = inCst(now);
  let at = today.add(DEFAULT_STAY_HOURS, 'hour').second(0).millisecond(0);
  const past = at.minute() % 30;
  if (past !== 0) at = at.add(30 - past, 'minute');
  return at.format('YYYY-MM-DD') === today.format('YYYY-MM-DD') ? at.format('HH:mm') : LAST_MINUTE;
}

/** The current time of day, `HH:mm` China Standard Time: the earliest leave-by time. */
export function nowHhmm(now: Dayjs = dayjs()): string {
  return inCst(now).format('HH:mm');
}

export function emptyWalkIn(now: Dayjs = dayjs()): WalkInForm {
  return { name: '', phone: '', company: '', purpose: '', plate: '', idNumber: '', until: defaultUntil(now) };
}

interface WalkInContext {
  gateId: string;
  hostId: string | null;
  /** The gate's zone asks for the visitor's ID number. */
  idNumberRequired: boolean;
  now?: Dayjs;
}

/**
 * The walk-in request for the form, checked the way the server will check it, plus what the server
 * cannot say per field: no host picked, an ID number the gate's zone requires, a leave-by time already past.
 */
export function checkWalkIn(
  form: WalkInForm,
  { gateId, hostId, idNumberRequired, now = dayjs() }: WalkInContext,
): { body: WalkInBody } | { issues: FieldIssues<WalkInField> } {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const parsed = WalkInBodySchema.safeParse({
    gateId,
    hostId: hostId ?? '',
    name: form.name,
    phone: form.phone.trim(),
    company: optional(form.company),
    purpose: form.purpose,
    plate: optional(form.plate),
    idNumber: optional(form.idNumber),
    until: form.until,
  });
  const issues: FieldIssues<WalkInField> = parsed.success
    ? {}
    : issuesByField(zodDetails(parsed.error.issues), WALK_IN_FIELDS);
  if (!hostId) issues.hostId = '请选择被访人';
  if (idNumberRequired && optional(form.idNumber) === undefined) {
    issues.idNumber = errorTable.VISITORS_ID_NUMBER_REQUIRED.message;
  }
  if (!issues.until && form.until <= nowHhmm(now)) issues.until = '离开时间须晚于现在';
  if (!parsed.success || Object.keys(issues).length > 0) return { issues };
  return { body: parsed.data };
}
