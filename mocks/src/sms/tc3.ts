import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Tc3Credentials {
  secretId: string;
  secretKey: string;
}

export interface Tc3Request {
  method: string;
  headers: IncomingHttpHeaders;
  payload: Buffer;
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const MAX_SKEW_SECONDS = 300;

/**
 * Verifies `Authorization: TC3-HMAC-SHA256 …` the way Tencent Cloud does. The service comes from the credential
 * scope and `host` is the Host header without its port, because that is what the official SDK signs when it is
 * pointed at a mock endpoint. Returns the request-level error code, or null when the request is authentic.
 */
export function verifyTc3(
  request: Tc3Request,
  credentials: Tc3Credentials,
  nowSeconds: number,
): string | null {
  const match = AUTHORIZATION.exec(header(request.headers, 'authorization') ?? '');
  if (!match) return 'AuthFailure.InvalidAuthorization';
  const [, secretId, date = '', service = '', signedHeaders = '', signature] = match;
  const timestamp = Number(header(request.headers, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp)) return 'MissingParameter';
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) return 'AuthFailure.SignatureExpire';
  if (secretId !== credentials.secretId) return 'AuthFailure.SecretIdNotFound';
  if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return 'AuthFailure.SignatureFailure';

  const names = signedHeaders.split(';');
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
  let canonicalHeaders = '';
  for (const name of names) {
    const value =
      name === 'host' ? hostWithoutPort(header(request.headers, 'host')) : header(request.headers, name);
    if (value === undefined) return 'AuthFailure.SignatureFailure';
    canonicalHeaders += `${name}:${value.trim().toLowerCase()}\n`;
  }
  const canonicalRequest = [
    request.method,
    '/',
    '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const signingKey = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return expected === signature ? null : 'AuthFailure.SignatureFailure';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function hostWithoutPort(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0];
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
