import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  DEVICE_CLOCK_SKEW_SECONDS,
  deviceHeaders,
  deviceSigningString,
  type ErrorCode,
} from '@dayuan/shared';

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

const header = (req: SignedRequest, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Checks a device request's signature and freshness (pure; the nonce's single use is checked by the
 * caller). Returns the device code, or the error code to refuse with.
 */
export function checkDeviceSignature(
  req: SignedRequest,
  secretOf: (deviceCode: string) => string | undefined,
  nowSeconds: number,
): { ok: true; deviceCode: string; nonce: string } | { ok: false; code: ErrorCode } {
  const deviceCode = header(req, deviceHeaders.id);
  const timestamp = header(req, deviceHeaders.timestamp);
  const nonce = header(req, deviceHeaders.nonce);
  const signature = header(req, deviceHeaders.signature);
  if (!deviceCode || !timestamp || !nonce || !signature) return { ok: false, code: 'GATE_SIGNATURE_INVALID' };
  const secret = secretOf(deviceCode);
  if (!secret) return { ok: false, code: 'GATE_DEVICE_UNKNOWN' };
  const expected = createHmac('sha256', secret)
    .update(
      deviceSigningString({
        method: req.method,
        path: req.path,
        timestamp,
        nonce,
        bodySha256Hex: createHash('sha256').update(req.rawBody).digest('hex'),
      }),
    )
    .digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'GATE_SIGNATURE_INVALID' };
  }
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > DEVICE_CLOCK_SKEW_SECONDS) {
    return { ok: false, code: 'GATE_SIGNATURE_STALE' };
  }
  if (!/^[\w-]{16,64}$/.test(nonce)) return { ok: false, code: 'GATE_SIGNATURE_INVALID' };
  return { ok: true, deviceCode, nonce };
}
