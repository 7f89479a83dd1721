import type { Visit, VisitStatus } from '@dayuan/shared';

/** A host can call a visit off until the visitor arrives. */
const CANCELLABLE: readonly VisitStatus[] = ['pending', 'approved'];

type VisitFacts = Pick<Visit, 'status' | 'awaiting' | 'host' | 'inside' | 'checkedInAt'>;

export function canCancel(visit: VisitFacts, meId: string | undefined): boolean {
  return (
    visit.host.id === meId &&
    CANCELLABLE.includes(visit.status) &&
    !visit.inside &&
    visit.checkedInAt === null
  );
}

/**
 * Whether the pending visit waits for my decision: it is on my approvals list, or I am its host and the
 * host decides first. The server has the last word (VISITORS_NOT_AWAITING_YOU).
 */
export function awaitsMe(visit: VisitFacts, meId: string | undefined, onMyApprovals: boolean): boolean {
  if (visit.status !== 'pending') return false;
  return onMyApprovals || (visit.awaiting === 'host' && visit.host.id === meId);
}

/** Whether to ask the approvals list about this visit: only when the visit alone does not say it is mine. */
export function needsApprovalsCheck(visit: VisitFacts, meId: string | undefined): boolean {
  return visit.status === 'pending' && !awaitsMe(visit, meId, false);
}
