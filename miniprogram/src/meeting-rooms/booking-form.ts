import {
  BookingBodySchema,
  SeriesBodySchema,
  type ErrorDetail,
  type MeetingService,
  type SeriesFrequency,
} from '@dayuan/shared';
import type { BookingBody, SeriesBody } from './api';
import { toMinutes } from './time';

export const MAX_GUESTS = 50;

export interface GuestDraft {
  /** Keeps a row's inputs in place when an earlier row is removed. */
  key: number;
  name: string;
  phone: string;
  company: string;
}

export interface RepeatDraft {
  frequency: SeriesFrequency;
  /** ISO weekdays, 1 = 周一 … 7 = 周日 (weekly only). */
  weekdays: number[];
  endBy: 'until' | 'count';
  until: string;
  count: number;
}

export interface Attendee {
  id: string;
  name: string;
}

export interface BookDraft {
  roomId: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  attendees: Attendee[];
  guests: GuestDraft[];
  services: MeetingService[];
  /** Null: a single booking. */
  repeat: RepeatDraft | null;
}

/** Problems by form field (`title`, `guests.1.phone`, `until`…), the first one per field. */
export interface FormErrors {
  fields: Record<string, string>;
  /** Problems the form has no field for. */
  other: string[];
}

export const noErrors: FormErrors = { fields: {}, other: [] };

const END_BEFORE_START = '结束时间须晚于开始时间';

const KNOWN_FIELD =
  /^(roomId|title|date|startTime|endTime|attendeeIds|guests(\.\d+\.(name|phone|company))?|services|weekdays|until|count|frequency)$/;

export function emptyGuest(key: number): GuestDraft {
  return { key, name: '', phone: '', company: '' };
}

export function defaultRepeat(date: string): RepeatDraft {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return { frequency: 'weekly', weekdays: [weekday], endBy: 'count', until: date, count: 4 };
}

/** What the form says, in the single booking's shape: optional fields left empty are left out. */
export function bookingInput(draft: BookDraft) {
  return {
    roomId: draft.roomId,
    title: draft.title,
    date: draft.date,
    startTime: draft.startTime,
    endTime: draft.endTime,
    attendeeIds: draft.attendees.map((a) => a.id),
    guests: draft.guests.map(({ name, phone, company }) => ({
      name,
      phone: phone.trim(),
      company: company.trim() || undefined,
    })),
    services: draft.services,
  };
}

/** What the form says, in the series' shape (`date` becomes `firstDate`, one of `until`/`count`). */
export function seriesInput(draft: BookDraft, repeat: RepeatDraft) {
  const { date, ...single } = bookingInput(draft);
  return {
    ...single,
    firstDate: date,
    frequency: repeat.frequency,
    weekdays: repeat.frequency === 'weekly' ? [...repeat.weekdays].sort((a, b) => a - b) : [],
    until: repeat.endBy === 'until' ? repeat.until : undefined,
    count: repeat.endBy === 'count' ? repeat.count : undefined,
  };
}

function endAfterStart(draft: BookDraft): ErrorDetail[] {
  return toMinutes(draft.endTime) <= toMinutes(draft.startTime)
    ? [{ path: 'endTime', issue: END_BEFORE_START }]
    : [];
}

const detailsOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): ErrorDetail[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join('.'), issue: issue.message }));

/** The single booking to send, checked with the server's own schema, or the problems to show. */
export function checkBooking(draft: BookDraft): { body: BookingBody } | { errors: FormErrors } {
  const parsed = BookingBodySchema.safeParse(bookingInput(draft));
  const details = [...(parsed.success ? [] : detailsOf(parsed.error.issues)), ...endAfterStart(draft)];
  if (parsed.success && details.length === 0) return { body: parsed.data };
  return { errors: formErrors(details) };
}

/** The series to preview and book, checked with the server's own schema, or the problems to show. */
export function checkSeries(
  draft: BookDraft,
  repeat: RepeatDraft,
): { body: SeriesBody } | { errors: FormErrors } {
  const parsed = SeriesBodySchema.safeParse(seriesInput(draft, repeat));
  const details = [...(parsed.success ? [] : detailsOf(parsed.error.issues)), ...endAfterStart(draft)];
  if (parsed.success && details.length === 0) return { body: parsed.data };
  return { errors: formErrors(details) };
}

/**
 * Sorts problems onto form fields. Paths come from the client's own check (`guests.1.phone`) or from the
 * server (`body.guests.1.phone`, `body.attendeeIds.0`, `body.firstDate`).
 */
export function formErrors(details: readonly ErrorDetail[]): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] };
  for (const { path, issue } of details) {
    const field = path
      .replace(/^body\./, '')
      .replace(/^(attendeeIds|services|weekdays)\.\d+$/, '$1')
      .replace(/^firstDate$/, 'date');
    if (KNOWN_FIELD.test(field)) errors.fields[field] ??= issue;
    else errors.other.push(issue);
  }
  return errors;
}

/** `将为 2 位访客办理当天进入大院的通行证，并以短信发送`: what booking does for the guests. */
export function guestNote(guests: number): string {
  return guests === 0
    ? '添加外部来宾后，预订确认时将为其办理当天的大院通行证并短信通知。'
    : `预订确认后，将为 ${guests} 位来宾办理会议当天的大院通行证，并以短信发送。`;
}

export const weekdayLabels = ['一', '二', '三', '四', '五', '六', '日'] as const;
