/**
 * Every mock parses bodies itself from the raw bytes: the SMS signature covers the exact payload, and WeChat
 * answers malformed JSON with its own errcode instead of an HTTP 400.
 */
export function rawBody(body: unknown): Buffer | undefined {
  return Buffer.isBuffer(body) && body.length > 0 ? body : undefined;
}

export type JsonObject = Record<string, unknown>;

/** The body as a JSON object, `'empty'` when there is none, `'malformed'` when it is not a JSON object. */
export function parseJsonObject(body: unknown): JsonObject | 'empty' | 'malformed' {
  const raw = rawBody(body);
  if (!raw) return 'empty';
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isJsonObject(value) ? value : 'malformed';
  } catch {
    return 'malformed';
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** First value of a query parameter (Fastify gives an array when the key repeats). */
export function queryParam(query: unknown, name: string): string | undefined {
  if (!isJsonObject(query)) return undefined;
  const value = query[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
