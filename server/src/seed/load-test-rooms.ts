import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import {
  auditLog,
  buildingEntrances,
  buildings,
  gates,
  meetingRoomsRooms,
  rooms,
} from '../platform/db/schema.js';

const BUILDING_CODE = 'LT';
const BUILDING_NAME = '压测楼';
const ROOMS_PER_FLOOR = 20;

/**
 * Adds building 压测楼 (`LT`, entered through every gate) with `count` bookable meeting rooms for load tests,
 * 20 a floor (`LT-0101` … , `压测会议室001` …): capacity 20, open 07:00–22:00, up to 4 h, 30 days ahead, no
 * minimum notice, no approval. In one transaction; returns how many were added: none when the building exists.
 */
export async function seedLoadTestRooms(db: Db, count: number): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: buildings.id })
      .from(buildings)
      .where(eq(buildings.code, BUILDING_CODE));
    if (existing) return 0;

    const [building] = await tx
      .insert(buildings)
      .values({ code: BUILDING_CODE, name: BUILDING_NAME, floors: Math.ceil(count / ROOMS_PER_FLOOR) })
      .returning({ id: buildings.id });
    const gateIds = (await tx.select({ id: gates.id }).from(gates)).map((g) => g.id);
    if (gateIds.length > 0) {
      await tx
        .insert(buildingEntrances)
        .values(gateIds.map((gateId) => ({ buildingId: building!.id, gateId })));
    }
    const placed = await tx
      .insert(rooms)
      .values(
        Array.from({ length: count }, (_, i) => {
          const floor = Math.floor(i / ROOMS_PER_FLOOR) + 1;
          const onFloor = (i % ROOMS_PER_FLOOR) + 1;
          return {
            buildingId: building!.id,
            code: `${BUILDING_CODE}-${String(floor).padStart(2, '0')}${String(onFloor).padStart(2, '0')}`,
            name: `压测会议室${String(i + 1).padStart(3, '0')}`,
            floor,
            kind: 'meeting' as const,
          };
        }),
      )
      .returning({ id: rooms.id });
    await tx.insert(meetingRoomsRooms).values(
      placed.map((r) => ({
        roomId: r.id,
        capacity: 20,
        equipment: ['screen', 'whiteboard'],
        openFromMinute: 7 * 60,
        openUntilMinute: 22 * 60,
        maxDurationMinutes: 240,
        maxDaysAhead: 30,
        minNoticeMinutes: 0,
      })),
    );

    await tx.insert(auditLog).values({
      actorKind: 'system',
      action: 'system.load_test_rooms_seeded',
      entityType: 'meeting_rooms_room',
      client: 'unknown',
      details: { rooms: count, building: BUILDING_NAME },
    });
    return count;
  });
}
