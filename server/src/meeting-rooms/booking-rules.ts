import type { ErrorCode, ErrorDetail } from '@dayuan/shared';
import { addDays, cstDate, cstLabel } from '../platform/time/china-time.js';
import { clockTime } from './room-view.js';
import type { MeetingRoomRow } from './rooms.repository.js';
import type { Slot } from './slot-time.js';

export interface RuleBreach {
  code: ErrorCode;
  detail: ErrorDetail;
}

type Rules = Pick<
  MeetingRoomRow,
  'openFromMinute' | 'openUntilMinute' | 'maxDurationMinutes' | 'maxDaysAhead' | 'minNoticeMinutes'
>;

/** The first booking rule of the room that the slot breaks, or null. Paths name the booking body's fields. */
export function ruleBreach(rules: Rules, slot: Slot, now: Date): RuleBreach | null {
  const minutes = slot.endMinute - slot.startMinute;
  if (minutes <= 0) {
    return breach('MEETING_ROOMS_TIME_INVALID', 'body.endTime', '结束时间须晚于开始时间');
  }
  if (slot.start.getTime() < now.getTime() + rules.minNoticeMinutes * 60_000) {
    const issue = slot.start <= now ? '开始时间已过' : `请至少提前 ${rules.minNoticeMinutes} 分钟预订`;
    return breach('MEETING_ROOMS_TOO_LATE', 'body.startTime', issue);
  }
  if (slot.date > addDays(cstDate(now), rules.maxDaysAhead)) {
    return breach('MEETING_ROOMS_TOO_FAR_AHEAD', 'body.date', `最多提前 ${rules.maxDaysAhead} 天预订`);
  }
  if (minutes > rules.maxDurationMinutes) {
    return breach('MEETING_ROOMS_TOO_LONG', 'body.endTime', `单次最长 ${rules.maxDurationMinutes} 分钟`);
  }
  if (slot.startMinute < rules.openFromMinute || slot.endMinute > rules.openUntilMinute) {
    const hours = `${clockTime(rules.openFromMinute)}–${clockTime(rules.openUntilMinute)}`;
    const path = slot.startMinute < rules.openFromMinute ? 'body.startTime' : 'body.endTime';
    return breach('MEETING_ROOMS_OUTSIDE_OPEN_HOURS', path, `开放时间为 ${hours}`);
  }
  return null;
}

/** An extension keeps the rules that still matter once a booking exists: open hours and duration. */
export function extensionBreach(rules: Rules, slot: Slot, currentEnd: Date): RuleBreach | null {
  if (slot.end <= currentEnd) {
    return breach('MEETING_ROOMS_TIME_INVALID', 'body.endTime', '新的结束时间须晚于原结束时间');
  }
  if (slot.endMinute - slot.startMinute > rules.maxDurationMinutes) {
    return breach('MEETING_ROOMS_TOO_LONG', 'body.endTime', `单次最长 ${rules.maxDurationMinutes} 分钟`);
  }
  if (slot.endMinute > rules.openUntilMinute) {
    const hours = `${clockTime(rules.openFromMinute)}–${clockTime(rules.openUntilMinute)}`;
    return breach('MEETING_ROOMS_OUTSIDE_OPEN_HOURS', 'body.endTime', `开放时间为 ${hours}`);
  }
  return null;
}

/** Check-in is open from `before` ms ahead of the start until `after` ms past it (then the sweeper releases). */
export function checkInBreach(start: Date, now: Date, before: number, after: number): RuleBreach | null {
  if (now.getTime() < start.getTime() - before) {
    const opens = cstLabel(new Date(start.getTime() - before));
    return breach('MEETING_ROOMS_CHECK_IN_TOO_EARLY', 'params.id', `${opens} 起可签到`);
  }
  if (now.getTime() >= start.getTime() + after) {
    const closed = cstLabel(new Date(start.getTime() + after));
    return breach('MEETING_ROOMS_CHECK_IN_TOO_LATE', 'params.id', `签到已于 ${closed} 截止`);
  }
  return null;
}

function breach(code: ErrorCode, path: string, issue: string): RuleBreach {
  return { code, detail: { path, issue } };
}
