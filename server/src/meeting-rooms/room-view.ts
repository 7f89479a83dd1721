import type { Closure, Equipment, MeetingRoom } from '@dayuan/shared';
import type { ClosureRow, RoomWithPlace } from './rooms.repository.js';

/** `HH:mm` → minutes after midnight. */
export function minuteOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes after midnight → `HH:mm`. */
export function clockTime(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

export function roomView({ room, place }: RoomWithPlace): MeetingRoom {
  return {
    id: room.roomId,
    building: { id: place.buildingId, name: place.buildingName },
    floor: place.floor,
    code: place.code,
    name: place.name,
    capacity: room.capacity,
    equipment: room.equipment as Equipment[],
    restricted: room.restricted,
    openFrom: clockTime(room.openFromMinute),
    openUntil: clockTime(room.openUntilMinute),
    maxDurationMinutes: room.maxDurationMinutes,
    maxDaysAhead: room.maxDaysAhead,
    minNoticeMinutes: room.minNoticeMinutes,
  };
}

export function closureView(c: ClosureRow): Closure {
  return {
    id: c.id,
    roomId: c.roomId,
    start: c.during.start.toISOString(),
    end: c.during.end.toISOString(),
    reason: c.reason,
  };
}
