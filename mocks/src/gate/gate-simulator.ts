import { createHash, createHmac, randomBytes } from 'node:crypto';
import { deviceHeaders, deviceSigningString } from '@dayuan/shared';

export interface GateDeviceCredentials {
  code: string;
  secret: string;
}

export interface SignedScan {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** How to misbehave, for tests: a skewed clock, a reused nonce, a wrong secret. */
export interface ScanFaults {
  skewSeconds?: number;
  nonce?: string;
  forgeSignature?: boolean;
}

export const GATE_SCAN_PATH = '/api/gate/scans';
/** Where plate cameras report the plates they read. */
export const GATE_PLATE_PATH = '/api/gate/plates';

/** Signs a scan exactly as a gate device does (see `deviceHeaders` in the shared contract). */
export function signScan(
  device: GateDeviceCredentials,
  scan: { code: string; direction: 'in' | 'out' } | { plate: string; direction: 'in' | 'out' },
  faults: ScanFaults = {},
): SignedScan {
  const path = 'plate' in scan ? GATE_PLATE_PATH : GATE_SCAN_PATH;
  const body = JSON.stringify(scan);
  const timestamp = String(Math.floor(Date.now() / 1000) + (faults.skewSeconds ?? 0));
  const nonce = faults.nonce ?? randomBytes(12).toString('base64url');
  const secret = faults.forgeSignature ? `${device.secret}-forged` : device.secret;
  const signature = createHmac('sha256', secret)
    .update(
      deviceSigningString({
        method: 'POST',
        path,
        timestamp,
        nonce,
        bodySha256Hex: createHash('sha256').update(body).digest('hex'),
      }),
    )
    .digest('hex');
  return {
    path,
    body,
    headers: {
      'content-type': 'application/json',
      [deviceHeaders.id]: device.code,
      [deviceHeaders.timestamp]: timestamp,
      [deviceHeaders.nonce]: nonce,
      [deviceHeaders.signature]: signature,
    },
  };
}

/**
 * A QR scanner or plate camera at a gate, talking to the server's gate API. Keeps its last request to
 * replay it.
 */
export class GateSimulator {
  private last?: SignedScan;

  constructor(
    private readonly serverUrl: string,
    private readonly device: GateDeviceCredentials,
  ) {}

  async scan(code: string, direction: 'in' | 'out' = 'in', faults: ScanFaults = {}) {
    this.last = signScan(this.device, { code, direction }, faults);
    return this.send(this.last);
  }

  /** A plate camera's reading, as the camera reports it. */
  async plate(plate: string, direction: 'in' | 'out' = 'in', faults: ScanFaults = {}) {
    this.last = signScan(this.device, { plate, direction }, faults);
    return this.send(this.last);
  }

  /** Sends the previous request again, byte for byte (a captured request replayed). */
  async replay() {
    if (!this.last) throw new Error('nothing to replay');
    return this.send(this.last);
  }

  private async send(request: SignedScan): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(this.serverUrl + request.path, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
}
