import type { ErrorDetail } from '@dayuan/shared';

export type AnnouncementField = 'title' | 'body' | 'departmentIds' | 'urgency';
export type FieldErrors = Partial<Record<AnnouncementField, string>> & { other?: string[] };

const FIELDS: readonly string[] = ['title', 'body', 'departmentIds', 'urgency'] satisfies AnnouncementField[];

function isField(name: string | undefined): name is AnnouncementField {
  return name !== undefined && FIELDS.includes(name);
}

/**
 * Problems by form field, the first one per field. Paths come from the client's own check (`title`) or
 * from the server (`body.title`, `body.departmentIds.0`); anything else is listed under `other`.
 */
export function fieldErrors(details: readonly ErrorDetail[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, issue } of details) {
    const segments = path.split('.');
    const name = segments[0] === 'body' ? segments[1] : segments[0];
    if (isField(name)) errors[name] ??= issue;
    else errors.other = [...(errors.other ?? []), issue];
  }
  return errors;
}
