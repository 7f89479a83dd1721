import type { ErrorDetail } from '@dayuan/shared';

/** `rows.5.手机号` → `第 5 行 · 手机号`; other paths are shown as they are. */
export function describeProblemPath(path: string): string {
  const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return path;
  return match[2] ? `第 ${match[1]} 行 · ${match[2]}` : `第 ${match[1]} 行`;
}

export function describeProblem(detail: ErrorDetail): string {
  return `${describeProblemPath(detail.path)}：${detail.issue}`;
}
