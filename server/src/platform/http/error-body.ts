import { type ErrorBody, type ErrorCode, errorTable } from '@dayuan/shared';
import { HttpException } from '@nestjs/common';
import { AppError } from './app-error.js';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
};

/** Any thrown value → the HTTP status and the one error body shape. `internal` marks what must be logged. */
export function toErrorResponse(
  err: unknown,
  requestId: string,
): { status: number; body: ErrorBody; retryAfter?: number; internal: boolean } {
  const reply = (
    code: ErrorCode,
    details: ErrorBody['details'] = [],
    internal = false,
    retryAfter?: number,
  ) => ({
    status: errorTable[code].status,
    body: { code, message: errorTable[code].message, details, requestId },
    retryAfter,
    internal,
  });

  if (err instanceof AppError) return reply(err.code, err.details, false, err.retryAfterSeconds);
  // Nest wraps Fastify's own errors (body parsing, content type, size) in an HttpException.
  const fastifyError = ((err instanceof HttpException ? err.cause : undefined) ?? err) as FastifyLikeError;
  const mapped = fastifyError?.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) {
    return reply(mapped, mapped === 'MALFORMED_JSON' ? [{ path: 'body', issue: '不是有效的 JSON' }] : []);
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) return reply('ROUTE_NOT_FOUND');
    if (status === 413) return reply('PAYLOAD_TOO_LARGE');
    if (status === 415) return reply('UNSUPPORTED_MEDIA_TYPE');
    if (status < 500) return reply('VALIDATION_FAILED', [{ path: 'request', issue: '请求不正确' }]);
    return reply('INTERNAL_ERROR', [], true);
  }
  return reply('INTERNAL_ERROR', [], true);
}
