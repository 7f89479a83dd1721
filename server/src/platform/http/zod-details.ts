import type { ErrorDetail } from '@dayuan/shared';
import type { z } from 'zod';

const plainIssue: Partial<Record<string, string>> = {
  invalid_type: '类型不正确',
  unrecognized_keys: '包含不允许的字段',
  too_small: '内容太短或太小',
  too_big: '内容太长或太大',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  invalid_union: '内容不符合任何允许的格式',
};

/** Zod issues → `{path, issue}` with a Chinese issue; a schema's own Chinese message wins. */
export function zodDetails(error: z.ZodError, location: string): ErrorDetail[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), issue: '不允许的字段' }));
    }
    // zod omits the input from issues; its message says when a value was missing.
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return [{ path: base.join('.'), issue: '必填' }];
    }
    const own = /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : undefined;
    return [{ path: base.join('.'), issue: own ?? plainIssue[issue.code] ?? '内容不正确' }];
  });
}
