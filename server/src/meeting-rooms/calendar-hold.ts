import type { Tx } from '../platform/db/client.js';
import { AppError } from '../platform/http/app-error.js';
import type { RoomsRepository } from './rooms.repository.js';
import { closureLabel } from './slot-time.js';

/**
 * Takes the room's calendar lock for the transaction (writers of one room queue here instead of deadlocking
 * inside the exclusion check on PostgreSQL), then refuses `[start, end)` if it meets a closure, at `path`.
 */
export async function holdCalendar(
  rooms: RoomsRepository,
  tx: Tx,
  roomId: string,
  range: { start: Date; end: Date },
  path: string,
): Promise<void> {
  await rooms.lockCalendar(tx, roomId);
  const [closure] = await rooms.closuresOverlapping([roomId], range.start, range.end, tx);
  if (closure) throw new AppError('MEETING_ROOMS_ROOM_CLOSED', [{ path, issue: closureLabel(closure) }]);
}
