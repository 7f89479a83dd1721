import type { GuestSession, VisitorPass, Zone } from '@dayuan/shared';
import { EAST_GATE, NORTH_GATE } from './fixtures';

/** An invitation link token of the form the SMS carries. */
export const LINK_TOKEN = 'Lk7Qm2Xz9Pa4Rt6Wv8Yb';
export const BOOKING_CODE = 'AB12CD34';

export function guestSession(overrides: Partial<GuestSession> = {}): GuestSession {
  return {
    token: 'guest-token-0123456789',
    expiresAt: '2026-12-21T12:00:00+08:00',
    phoneMasked: '139****0001',
    ...overrides,
  };
}

export const invitation = {
  hostName: '王小明',
  phoneMasked: '139****0001',
  windowStart: '2026-11-21T09:00:00+08:00',
  windowEnd: '2026-11-21T11:30:00+08:00',
};

/** Pass `n`: approved, nothing left to do, for the east gate. */
export function visitorPass(n: number, overrides: Partial<VisitorPass> = {}): VisitorPass {
  return {
    id: `b1f0c7a2-5d3e-4f6a-8b9c-0d1e2f3a4b5${n}`,
    status: 'approved',
    awaiting: null,
    hostName: '王小明',
    purpose: '商谈项目合作',
    windowStart: '2026-11-21T09:00:00+08:00',
    windowEnd: '2026-11-21T11:30:00+08:00',
    gates: [EAST_GATE],
    entries: { used: 0, max: 2 },
    profile: { name: '张访客', company: '某某科技公司', idNumberMasked: null, plate: null },
    remaining: { idNumber: false, privacy: false },
    decisionNote: null,
    ...overrides,
  };
}

export const zones: Zone[] = [
  { ...EAST_GATE, idNumberRequired: false, approverRequired: false },
  { ...NORTH_GATE, idNumberRequired: true, approverRequired: true },
];

export const bookingPage = {
  host: { name: '王小明', department: '办公厅/秘书处' },
  zones,
};

/** A valid ID number (its check character is right) and how the server masks it. */
export const ID_NUMBER = '11010519491231002X';
export const ID_NUMBER_MASKED = '1101**********002X';
