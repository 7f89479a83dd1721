import type { DenyReason } from '@dayuan/shared';
import { profileComplete } from './visit-view.js';
import type { VisitRow } from './visits.repository.js';

/**
 * May this visit pass this gate now, in this direction? Pure: the caller then applies the passage with a
 * conditional update, so two gates reading the same pass at once cannot both let it in.
 */
export function judgeVisit(
  v: VisitRow,
  scan: { gateId: string; direction: 'in' | 'out'; now: Date; blocked: boolean },
): DenyReason | null {
  if (scan.blocked) return 'VISITOR_BLOCKED';
  switch (v.status) {
    case 'pending':
      return 'PASS_NOT_APPROVED';
    case 'rejected':
    case 'cancelled':
      return 'PASS_REVOKED';
    case 'expired':
    case 'no_show':
      return 'PASS_EXPIRED';
    default:
      break;
  }
  if (scan.direction === 'out') return v.inside ? null : 'PASS_NOT_INSIDE';
  if (!profileComplete(v)) return 'PASS_PROFILE_INCOMPLETE';
  if (!v.gateIds.includes(scan.gateId)) return 'PASS_WRONG_GATE';
  if (scan.now < v.windowStart) return 'PASS_NOT_YET_VALID';
  if (scan.now >= v.windowEnd) return 'PASS_EXPIRED';
  if (v.inside) return 'PASS_ALREADY_INSIDE';
  if (v.entriesUsed >= v.maxEntries || v.status === 'checked_out') return 'PASS_ENTRIES_USED';
  return null;
}
