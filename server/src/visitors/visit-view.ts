import { maskPhone, type Visit, type VisitorPass } from '@dayuan/shared';
import type { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { VisitRow, VisitWithHost } from './visits.repository.js';

type GateNames = ReadonlyMap<string, string>;

const gatesOf = (v: VisitRow, names: GateNames) =>
  v.gateIds.map((id) => ({ id, name: names.get(id) ?? '已删除的门岗' }));

export function profileComplete(v: VisitRow): boolean {
  return v.privacyAcceptedAt !== null && (!v.idNumberRequired || v.idNumberEnc !== null);
}

/** A visit for staff: phone and ID number masked; names and plates are what guards match people by. */
export function visitView(
  row: VisitWithHost,
  names: GateNames,
  cipher: PersonalDataCipher,
  blocked: boolean,
): Visit {
  const v = row.visit;
  return {
    id: v.id,
    origin: v.origin,
    status: v.status,
    awaiting: v.awaiting,
    visitor: {
      name: v.visitorName,
      phoneMasked: v.phoneEnc ? maskPhone(cipher.decrypt(v.phoneEnc)) : '—',
      company: v.company,
      idNumberMasked: v.idNumberMasked,
      plate: v.plate,
    },
    host: { id: v.hostId, name: row.hostName, department: row.hostDepartment },
    purpose: v.purpose,
    windowStart: v.windowStart.toISOString(),
    windowEnd: v.windowEnd.toISOString(),
    gates: gatesOf(v, names),
    entries: { used: v.entriesUsed, max: v.maxEntries },
    inside: v.inside,
    profileComplete: profileComplete(v),
    blocked,
    decisionNote: v.decisionNote,
    checkedInAt: v.checkedInAt?.toISOString() ?? null,
    checkedOutAt: v.checkedOutAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

/** A visit for its visitor. */
export function passView(row: VisitWithHost, names: GateNames): VisitorPass {
  const v = row.visit;
  return {
    id: v.id,
    status: v.status,
    awaiting: v.awaiting,
    hostName: row.hostName,
    purpose: v.purpose,
    windowStart: v.windowStart.toISOString(),
    windowEnd: v.windowEnd.toISOString(),
    gates: gatesOf(v, names),
    entries: { used: v.entriesUsed, max: v.maxEntries },
    profile: { name: v.visitorName, company: v.company, idNumberMasked: v.idNumberMasked, plate: v.plate },
    remaining: {
      idNumber: v.idNumberRequired && v.idNumberEnc === null,
      privacy: v.privacyAcceptedAt === null,
    },
    decisionNote: v.decisionNote,
  };
}
