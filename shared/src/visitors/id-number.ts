import { z } from 'zod';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** True for an 18-character mainland resident ID number whose check character is right. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return CHECK[sum % 11] === value[17];
}

/** `110101199003071234` → `1101**********1234`. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(Math.max(0, value.length - 8))}${value.slice(-4)}`;
}

export const IdNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidIdNumber, { message: '身份证号不正确' })
  .meta({ description: '18-character mainland resident ID number (check character verified)' });
