import { type ErrorCode, type ErrorDetail, errorTable } from '@dayuan/shared';

/** The one exception type services throw: a stable code from the shared table, with optional details. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(errorTable[code].message);
    this.status = errorTable[code].status;
  }
}
