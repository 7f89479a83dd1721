import {
  errorTable,
  maskPhone,
  normalizeCnMobile,
  RequestBodySchema,
  type RouteBody,
  type visitRoutes,
  type Zone,
} from '@dayuan/shared';
import { requestErrors, type RequestErrors } from './field-errors';

export type RequestBody = RouteBody<typeof visitRoutes.request>;

/** What the visitor has typed and picked so far on the request page. */
export interface RequestDraft {
  /** Typed only when the guest session does not know the full number (it came from an invitation link). */
  phone: string;
  name: string;
  company: string;
  purpose: string;
  date: string;
  startTime: string;
  endTime: string;
  gateIds: string[];
  plate: string;
  idNumber: string;
  acceptPrivacy: boolean;
}

export const emptyDraft: RequestDraft = {
  phone: '',
  name: '',
  company: '',
  purpose: '',
  date: '',
  startTime: '',
  endTime: '',
  gateIds: [],
  plate: '',
  idNumber: '',
  acceptPrivacy: false,
};

/** Whether a chosen zone needs the visitor's ID number. */
export function idNumberRequired(draft: RequestDraft, zones: readonly Zone[]): boolean {
  return zones.some((z) => z.idNumberRequired && draft.gateIds.includes(z.id));
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The signed-in guest: the masked number the token was issued for, and the full one when known. */
export interface Guest {
  phoneMasked: string;
  phone: string | null;
}

/**
 * The request body, or the problems by field: the shared contract's own checks, plus what it cannot
 * know (an unpicked date or time, the end before the start, an ID number a chosen zone requires, a
 * phone number other than the verified one).
 */
export function checkDraft(
  draft: RequestDraft,
  zones: readonly Zone[],
  guest: Guest,
): { body: RequestBody; errors?: never } | { body?: never; errors: RequestErrors } {
  const phone = guest.phone ?? draft.phone;
  const parsed = RequestBodySchema.safeParse({
    phone,
    name: draft.name,
    company: optional(draft.company),
    purpose: draft.purpose,
    window: { date: draft.date, startTime: draft.startTime, endTime: draft.endTime },
    gateIds: draft.gateIds,
    plate: optional(draft.plate),
    idNumber: optional(draft.idNumber),
    acceptPrivacy: draft.acceptPrivacy,
  });
  const errors = parsed.success
    ? {}
    : requestErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.message })));
  if (!draft.date) errors.window = '请选择来访日期';
  else if (!draft.startTime || !draft.endTime) errors.window = '请选择开始和结束时间';
  else if (draft.endTime <= draft.startTime) errors.window = '结束时间须晚于开始时间';
  const normalized = normalizeCnMobile(phone);
  if (normalized && maskPhone(normalized) !== guest.phoneMasked) {
    errors.phone = `请填写已验证的手机号 ${guest.phoneMasked}`;
  }
  if (idNumberRequired(draft, zones) && optional(draft.idNumber) === undefined) {
    errors.idNumber = errorTable.VISITORS_ID_NUMBER_REQUIRED.message;
  }
  if (parsed.success && Object.keys(errors).length === 0) return { body: parsed.data };
  return { errors };
}
