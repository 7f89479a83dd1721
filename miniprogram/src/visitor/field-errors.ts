import type { ErrorDetail } from '@dayuan/shared';

export const REQUEST_FIELDS = [
  'phone',
  'name',
  'company',
  'purpose',
  'window',
  'gateIds',
  'plate',
  'idNumber',
  'acceptPrivacy',
] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];
export type RequestErrors = Partial<Record<RequestField, string>> & { other?: string[] };

function isField(name: string | undefined): name is RequestField {
  return (REQUEST_FIELDS as readonly (string | undefined)[]).includes(name);
}

/**
 * Problems by form field, the first one per field. Paths come from the client's own check
 * (`window.date`) or from the server (`body.window.date`, `body.gateIds.0`); `window.*` all belong to
 * the date and time pickers; anything else is listed under `other`.
 */
export function requestErrors(details: readonly ErrorDetail[]): RequestErrors {
  const errors: RequestErrors = {};
  for (const { path, issue } of details) {
    const segments = path.split('.');
    const name = segments[0] === 'body' ? segments[1] : segments[0];
    if (isField(name)) errors[name] ??= issue;
    else errors.other = [...(errors.other ?? []), issue];
  }
  return errors;
}
