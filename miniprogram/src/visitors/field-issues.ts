import type { ErrorDetail } from '@dayuan/shared';

/** The first problem per form field; problems no field owns are listed under `other`. */
export type FieldIssues<F extends string> = Partial<Record<F, string>> & { other?: string[] };

/**
 * Problems by form field. Paths come from the client's own check (`name`) or from the server
 * (`body.name`, `body.names.0`); anything that names no field of the form goes to `other`.
 */
export function issuesByField<F extends string>(
  details: readonly ErrorDetail[],
  fields: readonly F[],
): FieldIssues<F> {
  const byField = new Map<F, string>();
  const other: string[] = [];
  const isField = (name: string | undefined): name is F => name !== undefined && fields.includes(name as F);
  for (const { path, issue } of details) {
    const segments = path.split('.');
    const name = segments[0] === 'body' ? segments[1] : segments[0];
    if (!isField(name)) other.push(issue);
    else if (!byField.has(name)) byField.set(name, issue);
  }
  const issues = Object.fromEntries(byField) as FieldIssues<F>;
  if (other.length > 0) issues.other = other;
  return issues;
}

/** Zod's issues in the server's `{path, issue}` shape. */
export function zodDetails(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ErrorDetail[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), issue: i.message }));
}

export function hasIssues(issues: FieldIssues<string>): boolean {
  return Object.keys(issues).length > 0;
}
