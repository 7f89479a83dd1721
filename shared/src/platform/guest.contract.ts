import { z } from 'zod';
import { route } from '../common/route.js';
import { CnMobileSchema, IsoDateTimeSchema } from '../common/schemas.js';

/**
 * Guests (visitors, meeting guests) have no account: an SMS code proves they hold a phone number, and
 * the guest token that follows lets them see what belongs to that number. Send it as `Authorization:
 * Guest <token>`.
 */
export const GUEST_AUTH_SCHEME = 'Guest';

export const SmsCodeSentSchema = z.object({
  phoneMasked: z.string(),
  resendAfterSeconds: z.number().int(),
});

export const GuestSessionSchema = z.object({
  token: z.string(),
  expiresAt: IsoDateTimeSchema,
  phoneMasked: z.string(),
});
export type GuestSession = z.infer<typeof GuestSessionSchema>;

export const GuestCodeSchema = z.string().regex(/^\d{6}$/, { message: '验证码为 6 位数字' });

const guestCodeErrors = ['GUEST_SMS_COOLDOWN', 'AUTH_SMS_SEND_FAILED'] as const;
const guestSessionErrors = ['GUEST_SMS_CODE_INVALID', 'GUEST_SMS_CODE_LOCKED'] as const;

export const guestRoutes = {
  smsCode: route({
    method: 'POST',
    path: '/api/guest/sms-code',
    summary: 'Send a 6-digit code to a phone number (guests without an account)',
    tag: 'auth',
    access: 'public',
    body: z.strictObject({ phone: CnMobileSchema }),
    res: SmsCodeSentSchema,
    errors: guestCodeErrors,
  }),
  session: route({
    method: 'POST',
    path: '/api/guest/session',
    summary: 'Exchange phone + SMS code for a guest token',
    tag: 'auth',
    access: 'public',
    body: z.strictObject({ phone: CnMobileSchema, code: GuestCodeSchema }),
    res: GuestSessionSchema,
    errors: guestSessionErrors,
  }),
};
export { guestCodeErrors, guestSessionErrors };
