import { InviteBodySchema, type ErrorDetail } from '@dayuan/shared';
import type { InviteBody } from './api';
import type { WindowDraft } from './visit-format';

export const MAX_VISITORS = 20;
export const DAYS = { min: 1, max: 30 } as const;
export const MAX_ENTRIES = { min: 1, max: 10 } as const;

export interface VisitorDraft {
  /** Keeps a row's inputs in place when an earlier row is removed. */
  key: number;
  name: string;
  phone: string;
  company: string;
  plate: string;
}

export interface InviteDraft {
  visitors: VisitorDraft[];
  purpose: string;
  window: WindowDraft;
  days: number;
  gateIds: string[];
  maxEntries: number;
}

/** Problems by form field (`visitors.1.phone`, `purpose`, `window.endTime`…), the first one per field. */
export interface InviteErrors {
  fields: Record<string, string>;
  /** Problems the form has no field for. */
  other: string[];
}

export const noErrors: InviteErrors = { fields: {}, other: [] };

const END_BEFORE_START = '结束时间须晚于开始时间';

const KNOWN_FIELD =
  /^(visitors(\.\d+\.(name|phone|company|plate))?|purpose|window(\.(date|startTime|endTime))?|days|gateIds|maxEntries)$/;

export function emptyVisitor(key: number): VisitorDraft {
  return { key, name: '', phone: '', company: '', plate: '' };
}

/** What the form says, in the contract's shape: optional fields left empty are left out. */
export function inviteInput(draft: InviteDraft) {
  return {
    visitors: draft.visitors.map(({ name, phone, company, plate }) => ({
      name,
      phone: phone.trim(),
      company: company.trim() || undefined,
      plate: plate.trim() || undefined,
    })),
    purpose: draft.purpose,
    window: draft.window,
    days: draft.days,
    gateIds: draft.gateIds,
    maxEntries: draft.maxEntries,
  };
}

/** The body to send, checked with the server's own schema, or the problems to show. */
export function checkInvite(draft: InviteDraft): { body: InviteBody } | { errors: InviteErrors } {
  const parsed = InviteBodySchema.safeParse(inviteInput(draft));
  const details: ErrorDetail[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), issue: issue.message }));
  if (draft.window.endTime <= draft.window.startTime) {
    details.push({ path: 'window.endTime', issue: END_BEFORE_START });
  }
  if (parsed.success && details.length === 0) return { body: parsed.data };
  return { errors: inviteErrors(details) };
}

/**
 * Sorts problems onto form fields. Paths come from the client's own check (`visitors.1.phone`) or from
 * the server (`body.visitors.1.phone`, `body.gateIds.0`).
 */
export function inviteErrors(details: readonly ErrorDetail[]): InviteErrors {
  const errors: InviteErrors = { fields: {}, other: [] };
  for (const { path, issue } of details) {
    const field = path.replace(/^body\./, '').replace(/^gateIds\.\d+$/, 'gateIds');
    if (KNOWN_FIELD.test(field)) errors.fields[field] ??= issue;
    else errors.other.push(issue);
  }
  return errors;
}

/** `将为 2 位访客各创建 3 张通行证（共 6 张）`: what sending will do, one pass per visitor and day. */
export function inviteSummary(visitors: number, days: number): string {
  if (visitors === 1) return `将为 1 位访客创建 ${days} 张通行证${days > 1 ? '（每天 1 张）' : ''}`;
  if (days === 1) return `将为 ${visitors} 位访客各创建 1 张通行证`;
  return `将为 ${visitors} 位访客各创建 ${days} 张通行证（共 ${visitors * days} 张）`;
}
