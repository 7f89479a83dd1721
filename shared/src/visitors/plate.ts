import { z } from 'zod';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领';
const PLATE = new RegExp(`^[${PROVINCES}][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$`);

/** `浙a·12345` → `浙A12345`: what people type and what plate cameras read compare equal. */
export function normalizePlate(value: string): string {
  return value.replace(/[\s·.-]/g, '').toUpperCase();
}

export const PlateSchema = z
  .string()
  .transform(normalizePlate)
  .refine((v) => PLATE.test(v), { message: '车牌号格式不正确' })
  .meta({ description: 'mainland plate, e.g. 浙A12345 or 浙AD12345 (new energy)' });
