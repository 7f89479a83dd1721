import { visitStatusLabels, type VisitorPass } from '@dayuan/shared';

/** Where a pass stands for its visitor: no longer usable, waiting for a decision, or usable at the gate. */
export type PassStage = 'closed' | 'waiting' | 'ready';

export function passStage(pass: VisitorPass, now = Date.now()): PassStage {
  switch (pass.status) {
    case 'pending':
      return 'waiting';
    case 'approved':
      // The sweeper marks it expired a little later; the gate already refuses it.
      return Date.parse(pass.windowEnd) > now ? 'ready' : 'closed';
    case 'checked_in':
      // Inside: the code lets the visitor out.
      return 'ready';
    default:
      return 'closed';
  }
}

/** The visitor still has to add the ID number or accept the privacy notice. */
export function needsProfile(pass: VisitorPass): boolean {
  return passStage(pass) !== 'closed' && (pass.remaining.idNumber || pass.remaining.privacy);
}

/** The QR code is shown only for an approved pass whose profile is complete. */
export function showsCode(pass: VisitorPass): boolean {
  return passStage(pass) === 'ready' && !needsProfile(pass);
}

/** The status badge: 等待审批 rather than the staff-side 待审批 while the visitor waits. */
export function statusLabel(pass: VisitorPass): string {
  if (pass.status === 'pending') return '等待审批';
  if (pass.status === 'approved' && passStage(pass) === 'closed') return visitStatusLabels.expired;
  return visitStatusLabels[pass.status];
}

/** Whom a pending pass waits for, in the visitor's words. */
export function waitingFor(pass: VisitorPass): string {
  if (pass.awaiting === 'approver') return `${pass.hostName} 已同意，等待审批人审批`;
  return `等待被访人 ${pass.hostName} 审批`;
}

/** Why a pass no longer opens a gate. */
export function closedText(pass: VisitorPass): string {
  switch (pass.status) {
    case 'rejected':
      return '来访申请未通过';
    case 'cancelled':
      return '本次来访已取消';
    case 'expired':
    case 'approved':
      return '通行证已过期';
    case 'no_show':
      return '未在来访时间内到访，通行证已失效';
    case 'checked_out':
      return '您已离开，本次来访已结束';
    default:
      return '通行证当前不可用';
  }
}
