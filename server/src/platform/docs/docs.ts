import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from './openapi.js';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>数字大院 API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#ui' });</script></body></html>`;

/** `/api/docs` (Swagger UI) and `/api/docs/openapi.json`, built once from the contracts. */
export async function registerDocs(fastify: FastifyInstance, version: string) {
  const document = JSON.stringify(buildOpenApi(version));
  await fastify.register(fastifyStatic, {
    root: swaggerUiDir,
    prefix: '/api/docs/assets/',
    decorateReply: false,
  });
  fastify.get('/api/docs', (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
  fastify.get('/api/docs/openapi.json', (_req, reply) => reply.type('application/json').send(document));
}
