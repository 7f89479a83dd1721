import {
  commonErrorCodes,
  authErrorCodes,
  guestErrorCodes,
  errorTable,
  type ErrorCode,
  type RouteDef,
  routes,
} from '@dayuan/shared';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function errorResponses(def: RouteDef): Record<string, unknown> {
  const codes: ErrorCode[] = [
    ...commonErrorCodes,
    ...(def.access === 'public' ? [] : def.access === 'guest' ? guestErrorCodes : authErrorCodes),
    ...def.errors,
  ];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = errorTable[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((c) => `${c}: ${errorTable[c].message}`).join('\n'),
        content: {
          'application/json': {
            schema: {
              allOf: [{ $ref: '#/components/schemas/ErrorBody' }, { properties: { code: { enum: list } } }],
            },
          },
        },
      },
    ]),
  );
}

function operation(def: RouteDef) {
  const pathParams = [...def.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: def.params ? { type: 'string' } : { type: 'string', format: 'uuid' },
  }));
  const query = def.query
    ? (schema(def.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] })
    : undefined;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: query?.required?.includes(name) ?? false,
    schema: s,
  }));
  const access =
    def.access === 'public'
      ? 'public'
      : def.access === 'guest'
        ? 'a guest who proved a phone number by SMS (Authorization: Guest <token>)'
        : def.access === 'user'
          ? 'any signed-in person'
          : `roles: ${def.access.join(', ')}`;
  return {
    summary: def.summary,
    description: `Access: ${access}`,
    tags: [def.tag],
    ...(def.access === 'public' ? {} : { security: [{ [def.access === 'guest' ? 'guest' : 'bearer']: [] }] }),
    parameters: [...pathParams, ...queryParams],
    ...(def.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schema(def.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: schema(def.res, 'output') } } },
      ...errorResponses(def),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the shared route table and its zod schemas. */
export function buildOpenApi(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const area of Object.values(routes)) {
    for (const def of Object.values(area) as RouteDef[]) {
      const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
      paths[path] = { ...paths[path], [def.method.toLowerCase()]: operation(def) };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: '数字大院 Dayuan API', version },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        guest: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Guest <token>' },
      },
      schemas: {
        ErrorBody: {
          type: 'object',
          required: ['code', 'message', 'details'],
          properties: {
            code: { type: 'string', enum: Object.keys(errorTable) },
            message: { type: 'string', description: 'Chinese message for people' },
            details: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, issue: { type: 'string' } },
                required: ['path', 'issue'],
              },
            },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
}
