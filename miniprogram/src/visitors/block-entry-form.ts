import dayjs, { type Dayjs } from 'dayjs';
import { BlockEntryBodySchema, errorTable } from '@dayuan/shared';
import type { BlockEntryBody } from './admin-api';
import { issuesByField, zodDetails, type FieldIssues } from './field-issues';
import { inCst } from './guard-expected';

export interface BlockForm {
  phone: string;
  idNumber: string;
  /** Names and aliases, separated by commas, 、 or new lines. */
  names: string;
  reason: string;
  /** `YYYY-MM-DD`, or '' for no expiry. */
  expiresOn: string;
}

export const BLOCK_FIELDS = ['phone', 'idNumber', 'names', 'reason', 'expiresAt'] as const;
export type BlockField = (typeof BLOCK_FIELDS)[number];

export const emptyBlockForm: BlockForm = { phone: '', idNumber: '', names: '', reason: '', expiresOn: '' };

/** `张三, 张叁，张 三、` → `['张三', '张叁', '张 三']`: trimmed, empty ones and repeats dropped. */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[,，、;；\n]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return Array.from(new Set(names));
}

/** The entry stops matching at the end of that day, China Standard Time. */
export function endOfDayCst(date: string): string {
  return `${date}T23:59:59+08:00`;
}

/** The block-list entry the form describes, checked as the server will check it. */
export function checkBlockEntry(
  form: BlockForm,
  today: Dayjs = dayjs(),
): { body: BlockEntryBody } | { issues: FieldIssues<BlockField> } {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const names = splitNames(form.names);
  const parsed = BlockEntryBodySchema.safeParse({
    phone: optional(form.phone),
    idNumber: optional(form.idNumber),
    names,
    reason: form.reason,
    expiresAt: form.expiresOn ? endOfDayCst(form.expiresOn) : undefined,
  });
  const issues: FieldIssues<BlockField> = parsed.success
    ? {}
    : issuesByField(zodDetails(parsed.error.issues), BLOCK_FIELDS);
  if (!optional(form.phone) && !optional(form.idNumber) && names.length === 0) {
    issues.other = [...(issues.other ?? []), errorTable.VISITORS_BLOCK_ENTRY_EMPTY.message];
  }
  if (form.expiresOn && form.expiresOn < inCst(today).format('YYYY-MM-DD')) {
    issues.expiresAt = '到期日期不能早于今天';
  }
  if (!parsed.success || Object.keys(issues).length > 0) return { issues };
  return { body: parsed.data };
}
