import { z } from 'zod';

export const ErrorDetailSchema = z.object({
  /** Where the problem is, for developers: `body.code`, `query.page`, `rows.3.phone`. */
  path: z.string(),
  /** What is wrong, in Chinese, for people. */
  issue: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(ErrorDetailSchema),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
