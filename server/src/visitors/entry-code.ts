import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DenyReason } from '@dayuan/shared';

export const ENTRY_CODE_STEP_SECONDS = 30;
/** `DY1` = a staff member's code (subject: person id), `DV1` = a visitor pass (subject: visit id). */
export type CodePrefix = 'DY1' | 'DV1';

/**
 * Rotating entry codes: `<prefix>.<subject id>.<step>.<mac>`, a new step every 30 s. A code opens
 * gates during its own step and the next one only, so a screenshot is useless within a minute.
 */
export class EntryCodes {
  private readonly key: Buffer;
  private readonly pattern: RegExp;

  constructor(
    keyBase64: string,
    private readonly prefix: CodePrefix = 'DY1',
  ) {
    this.key = Buffer.from(keyBase64, 'base64');
    this.pattern = new RegExp(`^${prefix}\\.([0-9a-f]{32})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);
  }

  /** True when `code` claims to be of this kind (it may still be forged or expired). */
  owns(code: string): boolean {
    return code.trim().startsWith(`${this.prefix}.`);
  }

  issue(subjectId: string, now = Date.now()) {
    const step = Math.floor(now / 1000 / ENTRY_CODE_STEP_SECONDS);
    const code = [this.prefix, subjectId.replace(/-/g, ''), step, this.mac(subjectId, step)].join('.');
    const nextStepAt = (step + 1) * ENTRY_CODE_STEP_SECONDS * 1000;
    return {
      code,
      expiresAt: new Date(nextStepAt + ENTRY_CODE_STEP_SECONDS * 1000).toISOString(),
      refreshInSeconds: Math.max(1, Math.ceil((nextStepAt - now) / 1000)),
    };
  }

  verify(
    code: string,
    now = Date.now(),
  ): { ok: true; subjectId: string; step: number } | { ok: false; reason: DenyReason } {
    const match = this.pattern.exec(code.trim());
    if (!match) return { ok: false, reason: 'CODE_MALFORMED' };
    const hex = match[1]!;
    const subjectId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const step = Number(match[2]);
    const expected = Buffer.from(this.mac(subjectId, step));
    const given = Buffer.from(match[3]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'CODE_FORGED' };
    }
    const current = Math.floor(now / 1000 / ENTRY_CODE_STEP_SECONDS);
    if (step > current) return { ok: false, reason: 'CODE_FORGED' };
    if (step < current - 1) return { ok: false, reason: 'CODE_EXPIRED' };
    return { ok: true, subjectId, step };
  }

  private mac(subjectId: string, step: number): string {
    return createHmac('sha256', this.key).update(`${this.prefix}|${subjectId}|${step}`).digest('base64url');
  }
}

/** `王建国` → `王*国`, `李四` → `李*`: enough for a guard to match a face, not enough to identify. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
