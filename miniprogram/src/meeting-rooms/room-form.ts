import {
  ClosureBodySchema,
  MeetingRoomBodySchema,
  type Equipment,
  type ErrorDetail,
  type MeetingRoom,
} from '@dayuan/shared';
import type { ClosureBody, RoomBody } from './api';
import type { FormErrors } from './booking-form';

/** The room form as typed: numbers stay text until the form is checked. */
export interface RoomDraft {
  buildingId: string;
  floor: string;
  code: string;
  name: string;
  capacity: string;
  equipment: Equipment[];
  restricted: boolean;
  openFrom: string;
  openUntil: string;
  maxDurationMinutes: string;
  maxDaysAhead: string;
  minNoticeMinutes: string;
}

export interface ClosureDraft {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
}

const ROOM_FIELD =
  /^(buildingId|floor|code|name|capacity|equipment|restricted|openFrom|openUntil|maxDurationMinutes|maxDaysAhead|minNoticeMinutes)$/;
const CLOSURE_FIELD = /^(start|end|reason)$/;

/** A new room's form: the usual rules of the compound. */
export function emptyRoomDraft(buildingId = ''): RoomDraft {
  return {
    buildingId,
    floor: '1',
    code: '',
    name: '',
    capacity: '10',
    equipment: [],
    restricted: false,
    openFrom: '08:00',
    openUntil: '21:00',
    maxDurationMinutes: '240',
    maxDaysAhead: '30',
    minNoticeMinutes: '0',
  };
}

/** The form for an existing room. */
export function draftOfRoom(room: MeetingRoom): RoomDraft {
  return {
    buildingId: room.building.id,
    floor: String(room.floor),
    code: room.code,
    name: room.name,
    capacity: String(room.capacity),
    equipment: [...room.equipment],
    restricted: room.restricted,
    openFrom: room.openFrom,
    openUntil: room.openUntil,
    maxDurationMinutes: String(room.maxDurationMinutes),
    maxDaysAhead: String(room.maxDaysAhead),
    minNoticeMinutes: String(room.minNoticeMinutes),
  };
}

/** `' 12 '` → 12; anything that is not a whole number stays text, so the schema names the field. */
function wholeNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** What the form says, in the body's shape. */
export function roomInput(draft: RoomDraft) {
  return {
    buildingId: draft.buildingId,
    floor: wholeNumber(draft.floor),
    code: draft.code,
    name: draft.name,
    capacity: wholeNumber(draft.capacity),
    equipment: draft.equipment,
    restricted: draft.restricted,
    openFrom: draft.openFrom,
    openUntil: draft.openUntil,
    maxDurationMinutes: wholeNumber(draft.maxDurationMinutes),
    maxDaysAhead: wholeNumber(draft.maxDaysAhead),
    minNoticeMinutes: wholeNumber(draft.minNoticeMinutes),
  };
}

/** `2026-11-21` + `09:30` → `2026-11-21T09:30:00+08:00` (the compound's clock). */
export function shanghaiInstant(date: string, clock: string): string {
  return `${date}T${clock}:00+08:00`;
}

export function closureInput(draft: ClosureDraft) {
  return {
    start: shanghaiInstant(draft.startDate, draft.startTime),
    end: shanghaiInstant(draft.endDate, draft.endTime),
    reason: draft.reason,
  };
}

const detailsOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): ErrorDetail[] =>
  issues.map((issue) => ({ path: issue.path.map(String).join('.'), issue: issue.message }));

function sortErrors(details: readonly ErrorDetail[], known: RegExp): FormErrors {
  const errors: FormErrors = { fields: {}, other: [] };
  for (const { path, issue } of details) {
    const field = path.replace(/^body\./, '').replace(/^equipment\.\d+$/, 'equipment');
    if (known.test(field)) errors.fields[field] ??= issue;
    else errors.other.push(issue);
  }
  return errors;
}

/** Problems by room-form field; paths come from the schema (`capacity`) or the server (`body.capacity`). */
export const roomFormErrors = (details: readonly ErrorDetail[]) => sortErrors(details, ROOM_FIELD);

/** Problems by closure-form field (`start`, `end`, `reason`). */
export const closureFormErrors = (details: readonly ErrorDetail[]) => sortErrors(details, CLOSURE_FIELD);

/** The room to send, checked with the server's own schema, or the problems to show. */
export function checkRoom(draft: RoomDraft): { body: RoomBody } | { errors: FormErrors } {
  const parsed = MeetingRoomBodySchema.safeParse(roomInput(draft));
  if (parsed.success) return { body: parsed.data };
  return { errors: roomFormErrors(detailsOf(parsed.error.issues)) };
}

/** The closure to send, checked with the server's own schema, or the problems to show. */
export function checkClosure(draft: ClosureDraft): { body: ClosureBody } | { errors: FormErrors } {
  const parsed = ClosureBodySchema.safeParse(closureInput(draft));
  if (parsed.success) return { body: parsed.data };
  return { errors: closureFormErrors(detailsOf(parsed.error.issues)) };
}

/** `data:image/png;base64,AAAA` → `{ ext: 'png', base64: 'AAAA' }`; null for anything else. */
export function splitDataUrl(url: string): { ext: string; base64: string } | null {
  const m = /^data:image\/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url);
  if (!m) return null;
  const ext = m[1]!.toLowerCase() === 'jpeg' ? 'jpg' : m[1]!.toLowerCase().replace(/\+.*$/, '');
  return { ext, base64: m[2]!.replace(/\s/g, '') };
}

/** Rooms grouped by building, in the order the list gives them. */
export function byBuilding<R extends { building: { id: string; name: string } }>(
  rooms: readonly R[],
): { id: string; name: string; rooms: R[] }[] {
  const groups = new Map<string, { id: string; name: string; rooms: R[] }>();
  for (const room of rooms) {
    const g = groups.get(room.building.id) ?? { ...room.building, rooms: [] };
    g.rooms.push(room);
    groups.set(room.building.id, g);
  }
  return [...groups.values()];
}
