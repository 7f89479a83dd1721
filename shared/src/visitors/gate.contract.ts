import { z } from 'zod';
import { route } from '../common/route.js';
import { IdSchema, IsoDateTimeSchema } from '../common/schemas.js';
import { PlateSchema } from './plate.js';

/**
 * Gate devices sign every request: `x-signature` = hex HMAC-SHA256 with the device secret over
 * `METHOD\nPATH\nTIMESTAMP\nNONCE\nhex(SHA-256(body))`. A timestamp more than 30 s off, or a nonce
 * seen before, is refused.
 */
export const deviceHeaders = {
  id: 'x-device-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;
export const DEVICE_CLOCK_SKEW_SECONDS = 30;

export function deviceSigningString(input: {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  bodySha256Hex: string;
}): string {
  return [input.method.toUpperCase(), input.path, input.timestamp, input.nonce, input.bodySha256Hex].join(
    '\n',
  );
}

/** Why a gate said no. Stable codes: devices and guards show them, reports count them. */
export const DenyReason = z.enum([
  'CODE_MALFORMED',
  'CODE_FORGED',
  'CODE_EXPIRED',
  'CODE_REPLAYED',
  'PERSON_DISABLED',
  'PASS_NOT_APPROVED',
  'PASS_REVOKED',
  'PASS_NOT_YET_VALID',
  'PASS_EXPIRED',
  'PASS_WRONG_GATE',
  'PASS_ENTRIES_USED',
  'PASS_ALREADY_INSIDE',
  'PASS_NOT_INSIDE',
  'PASS_PROFILE_INCOMPLETE',
  'VISITOR_BLOCKED',
  'PLATE_UNKNOWN',
]);
export type DenyReason = z.infer<typeof DenyReason>;

export const denyReasonLabels: Record<DenyReason, string> = {
  CODE_MALFORMED: '无法识别的二维码',
  CODE_FORGED: '二维码无效（签名不符）',
  CODE_EXPIRED: '二维码已过期，请刷新',
  CODE_REPLAYED: '二维码已使用，请刷新',
  PERSON_DISABLED: '账号已停用',
  PASS_NOT_APPROVED: '来访尚未批准',
  PASS_REVOKED: '通行证已取消',
  PASS_NOT_YET_VALID: '未到来访时间',
  PASS_EXPIRED: '通行证已过期',
  PASS_WRONG_GATE: '通行证不含此门岗',
  PASS_ENTRIES_USED: '通行次数已用完',
  PASS_ALREADY_INSIDE: '已在院内，请先出门',
  PASS_NOT_INSIDE: '未登记入园，不能出门',
  PASS_PROFILE_INCOMPLETE: '访客信息未完善',
  VISITOR_BLOCKED: '禁止来访人员，请联系值班领导',
  PLATE_UNKNOWN: '车牌未预约',
};

export const Direction = z.enum(['in', 'out']);

export const ScanBodySchema = z.strictObject({
  /** The text the scanner read from the QR code. */
  code: z.string().min(1).max(256),
  direction: Direction,
});

export const GateDecisionSchema = z.object({
  decision: z.enum(['allow', 'deny']),
  reason: DenyReason.nullable(),
  /** What the gate screen shows: never a full name or number. */
  display: z.string(),
  passageId: z.string(),
});
export type GateDecision = z.infer<typeof GateDecisionSchema>;

export const EntryCodeSchema = z.object({
  code: z.string(),
  /** The code stops opening gates at this moment; ask for a new one before. */
  expiresAt: IsoDateTimeSchema,
  refreshInSeconds: z.number().int().min(1),
});

export const PlateScanBodySchema = z.strictObject({
  /** The plate the camera read. */
  plate: PlateSchema,
  direction: Direction,
});

export const GuardScanBodySchema = ScanBodySchema.extend({ gateId: IdSchema });

export const PassageSchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  gate: z.object({ id: z.string(), name: z.string() }),
  direction: Direction,
  decision: z.enum(['allow', 'deny']),
  reason: DenyReason.nullable(),
  display: z.string(),
  via: z.enum(['device', 'guard']),
  /** A guard's reason when a visitor was let in or out by hand. */
  note: z.string().nullable(),
});

export const gateRoutes = {
  deviceScan: route({
    method: 'POST',
    path: '/api/gate/scans',
    summary: 'A gate device reports a scanned code and gets allow/deny (device-signed request)',
    tag: 'visitors',
    access: 'public',
    body: ScanBodySchema,
    res: GateDecisionSchema,
    errors: [
      'GATE_DEVICE_UNKNOWN',
      'GATE_SIGNATURE_INVALID',
      'GATE_SIGNATURE_STALE',
      'GATE_SIGNATURE_REPLAYED',
    ],
  }),
  devicePlate: route({
    method: 'POST',
    path: '/api/gate/plates',
    summary: 'A plate camera reports a plate and gets allow/deny (device-signed request)',
    tag: 'visitors',
    access: 'public',
    body: PlateScanBodySchema,
    res: GateDecisionSchema,
    errors: [
      'GATE_DEVICE_UNKNOWN',
      'GATE_SIGNATURE_INVALID',
      'GATE_SIGNATURE_STALE',
      'GATE_SIGNATURE_REPLAYED',
    ],
  }),
  entryCode: route({
    method: 'GET',
    path: '/api/visitors/entry-code',
    summary: 'My personal entry QR code; it rotates every 30 s and a screenshot is useless within a minute',
    tag: 'visitors',
    access: 'user',
    res: EntryCodeSchema,
    errors: [],
  }),
  guardScan: route({
    method: 'POST',
    path: '/api/visitors/guard/scans',
    summary: "A guard checks a code with the phone's camera at one of their gates",
    tag: 'visitors',
    access: ['guard'],
    body: GuardScanBodySchema,
    res: GateDecisionSchema,
    errors: ['VISITORS_NOT_YOUR_GATE', 'DIRECTORY_GATE_NOT_FOUND'],
  }),
  passages: route({
    method: 'GET',
    path: '/api/visitors/guard/passages',
    summary: "Today's latest passages at my gates (guard) or all gates (admin)",
    tag: 'visitors',
    access: ['guard', 'admin'],
    res: z.object({ items: z.array(PassageSchema) }),
    errors: [],
  }),
};
