import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-body.js';

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(err: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const res = http.getResponse<FastifyReply>();
    const { status, body, retryAfter, internal } = toErrorResponse(err, String(req.id));
    if (internal) this.logger.error({ err, requestId: req.id, url: req.url }, 'unhandled error');
    if (retryAfter) void res.header('retry-after', String(retryAfter));
    void res.status(status).send(body);
  }
}
