import type { NotificationCategory, Urgency } from '@dayuan/shared';

export type PushChannel = 'realtime' | 'subscribe' | 'sms';

/**
 * Which push channels a notification takes besides the inbox. Staff: realtime, plus a WeChat subscribe
 * message where the template has one (sent only if they hold a credit), plus SMS when urgent. Outside
 * recipients (visitors): SMS. A muted category keeps only the inbox, unless the notification is urgent.
 */
export function channelsFor(input: {
  recipient: 'person' | 'phone';
  urgency: Urgency;
  category: NotificationCategory;
  muted: readonly string[];
  hasSubscribe: boolean;
  hasSms: boolean;
}): PushChannel[] {
  if (input.recipient === 'phone') return input.hasSms ? ['sms'] : [];
  const urgent = input.urgency === 'urgent';
  if (!urgent && input.muted.includes(input.category)) return [];
  const channels: PushChannel[] = ['realtime'];
  if (input.hasSubscribe) channels.push('subscribe');
  if (urgent && input.hasSms) channels.push('sms');
  return channels;
}

/** Exponential backoff: base, 2×base, 4×base… capped at five minutes. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 5 * 60_000);
}

const CST_OFFSET_MS = 8 * 3600_000;

/**
 * The earliest moment from `now` inside the SMS sending hours `[start, end)` (China Standard Time):
 * `now` itself when inside, else the next `start:00`.
 */
export function nextSendingTime(now: Date, [start, end]: readonly [number, number]): Date {
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const hour = cst.getUTCHours();
  if (hour >= start && hour < end) return now;
  const next = new Date(
    Date.UTC(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate(), start) - CST_OFFSET_MS,
  );
  return hour >= end ? new Date(next.getTime() + 24 * 3600_000) : next;
}
