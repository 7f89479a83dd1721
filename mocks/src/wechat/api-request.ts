import type { FastifyRequest } from 'fastify';
import { parseJsonObject, queryParam, type JsonObject } from '../kit/body.js';
import type { TokenStore } from './token-store.js';

/** A POST body as WeChat reads it: the JSON object, or the errcode for an empty or non-JSON body. */
export function readWxJsonBody(request: FastifyRequest): JsonObject | number {
  const body = parseJsonObject(request.body);
  if (body === 'empty') return 44002;
  if (body === 'malformed') return 47001;
  return body;
}

/** An access_token API call: token first, then the body. */
export function readWxApiCall(request: FastifyRequest, tokens: TokenStore): JsonObject | number {
  return tokens.check(queryParam(request.query, 'access_token')) || readWxJsonBody(request);
}
