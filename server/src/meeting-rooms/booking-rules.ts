import type { ErrorCode, ErrorDetail } from '@dayuan/shared';
import { addDays, cstDate } from '../platform/time/china-time.js';
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

function breach(code: ErrorCode, path: string, issue: string): RuleBreach {
  return { code, detail: { path, issue } };
}
