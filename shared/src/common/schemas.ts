import { z } from 'zod';
import { normalizeCnMobile } from './phone.js';

export const IdSchema = z.string().uuid({ message: '编号格式不正确' });
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const CnMobileSchema = z
  .string()
  .transform((value, ctx) => {
    const phone = normalizeCnMobile(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: '手机号格式不正确' });
      return z.NEVER;
    }
    return phone;
  })
  .meta({ description: 'mainland mobile number, 11 digits (a +86 prefix is accepted)' });

export const EmployeeNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, { message: '工号应为 2–20 位字母、数字或连字符' })
  .transform((v) => v.toUpperCase());

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, { message: '姓名不能为空' })
  .max(30, { message: '姓名不能超过 30 个字' });

/** A calendar day, `YYYY-MM-DD` (China Standard Time where it names a day at the compound). */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (v) => {
      const day = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
    },
    { message: '日期不存在' },
  );

/** A time of day, `HH:mm`. */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' });
