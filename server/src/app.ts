import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestingModule } from '@nestjs/testing';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.js';
import { registerDocs } from './platform/docs/docs.js';
import { Metrics } from './platform/health/metrics.js';
import { RealtimeGateway } from './platform/notifications/realtime.gateway.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

export function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Keep a caller's request id (a gateway's, a client's) when it is sane; otherwise mint one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
}

/** Nest's own log lines go to the same pino logger as Fastify's request logs: one JSON stream. */
export function pinoLoggerService(log: FastifyBaseLogger): LoggerService {
  const write =
    (level: 'info' | 'error' | 'warn' | 'debug' | 'trace') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = rest.at(-1);
      const obj = typeof message === 'object' && message !== null ? message : { msg: String(message) };
      log[level]({ ...obj, context: typeof context === 'string' ? context : undefined });
    };
  return {
    log: write('info'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
  };
}

/** Fastify-level set-up shared by the server and the tests: JSON parsing, request ids, docs, metrics, H5. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // An empty JSON body is "no body" (mini-program POSTs without data send one), not a parse error.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  // JSON only: any other content type is answered 415.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    // Gate devices sign the exact bytes they sent.
    req.rawBody = body as string;
    return body === '' ? done(null, undefined) : parseJson(req, body as string, done);
  });
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.get(Metrics).instrument(fastify);
  await registerDocs(fastify, process.env.npm_package_version ?? '0.1.0');
  await app.get(RealtimeGateway).register(fastify);
  if (config.H5_DIR) {
    await fastify.register(fastifyStatic, {
      root: path.resolve(config.H5_DIR),
      prefix: '/',
      wildcard: false,
    });
  }
}

export async function createApp(
  config: AppConfig,
  testingModule?: TestingModule,
): Promise<NestFastifyApplication> {
  const adapter = createAdapter(config);
  const logger = pinoLoggerService(adapter.getInstance().log);
  const app = testingModule
    ? testingModule.createNestApplication<NestFastifyApplication>(adapter, { logger, bodyParser: false })
    : await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
        logger,
        bodyParser: false,
      });
  app.enableShutdownHooks();
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
