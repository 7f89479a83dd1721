const MAINLAND = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/** `+8613900000001`, `8613900000001`, `008613900000001` or `13900000001` → `+8613900000001`; else null. */
export function toE164(input: string): string | null {
  const match = MAINLAND.exec(input.trim());
  return match ? `+86${match[1]}` : null;
}
