import type { RoleGrant } from '@dayuan/shared';
import { demoCompound, type DemoRole } from '@dayuan/mocks/demo';
import { count } from 'drizzle-orm';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db } from '../platform/db/client.js';
import {
  auditLog,
  buildingEntrances,
  buildings,
  departments,
  gates,
  meetingRoomsRooms,
  people,
  personRoles,
  rooms,
  visitorsGateDevices,
  visitorsZonePolicies,
  wechatBindings,
} from '../platform/db/schema.js';
import { minuteOfDay } from '../meeting-rooms/room-view.js';
import { rowFromGrant } from '../platform/directory/role-rows.js';

/**
 * Loads the deterministic demo compound (mocks/src/demo) into an empty database, in one transaction.
 * Returns false, writing nothing, when people already exist.
 */
export async function seedDemo(db: Db, dataKey: string): Promise<boolean> {
  const cipher = new PersonalDataCipher(dataKey);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(people);
    if ((existing?.n ?? 0) > 0) return false;

    const byKey = new Map(demoCompound.departments.map((d) => [d.key, d]));
    const pathOf = (key: string): string => {
      const d = byKey.get(key)!;
      return d.parentKey ? `${pathOf(d.parentKey)}/${d.name}` : d.name;
    };
    const departmentIds = new Map<string, string>();
    const ordered = [...demoCompound.departments].sort(
      (a, b) => pathOf(a.key).split('/').length - pathOf(b.key).split('/').length,
    );
    for (const d of ordered) {
      const [row] = await tx
        .insert(departments)
        .values({
          name: d.name,
          parentId: d.parentKey ? departmentIds.get(d.parentKey)! : null,
          path: pathOf(d.key),
          sortOrder: d.sortOrder,
        })
        .returning({ id: departments.id });
      departmentIds.set(d.key, row!.id);
    }

    const gateIds = new Map<string, string>();
    for (const { visitorPolicy, ...g } of demoCompound.gates) {
      const [row] = await tx.insert(gates).values(g).returning({ id: gates.id });
      gateIds.set(g.code, row!.id);
      await tx.insert(visitorsZonePolicies).values({ gateId: row!.id, ...visitorPolicy });
    }
    for (const d of demoCompound.gateDevices) {
      await tx
        .insert(visitorsGateDevices)
        .values({ code: d.code, gateId: gateIds.get(d.gateCode)!, secretEnc: cipher.encrypt(d.secret) });
    }
    for (const b of demoCompound.buildings) {
      const [row] = await tx
        .insert(buildings)
        .values({ code: b.code, name: b.name, floors: b.floors })
        .returning({ id: buildings.id });
      await tx
        .insert(buildingEntrances)
        .values(b.entranceGateCodes.map((code) => ({ buildingId: row!.id, gateId: gateIds.get(code)! })));
      if (b.rooms.length === 0) continue;
      const inserted = await tx
        .insert(rooms)
        .values(b.rooms.map(({ meeting: _, ...r }) => ({ ...r, buildingId: row!.id })))
        .returning({ id: rooms.id, code: rooms.code });
      const roomIds = new Map(inserted.map((r) => [r.code, r.id]));
      const meetingRooms = b.rooms.flatMap(({ code, meeting: m }) =>
        m
          ? [
              {
                roomId: roomIds.get(code)!,
                capacity: m.capacity,
                equipment: m.equipment,
                restricted: m.restricted,
                openFromMinute: minuteOfDay(m.openFrom),
                openUntilMinute: minuteOfDay(m.openUntil),
                maxDurationMinutes: m.maxDurationMinutes,
                maxDaysAhead: m.maxDaysAhead,
                minNoticeMinutes: m.minNoticeMinutes,
              },
            ]
          : [],
      );
      if (meetingRooms.length > 0) await tx.insert(meetingRoomsRooms).values(meetingRooms);
    }

    const toGrant = (role: DemoRole): RoleGrant => {
      if (role.role === 'approver') {
        return { role: 'approver', departmentIds: role.departmentKeys.map((k) => departmentIds.get(k)!) };
      }
      if (role.role === 'guard') {
        return { role: 'guard', gateIds: role.gateCodes.map((c) => gateIds.get(c)!) };
      }
      return role;
    };
    for (const p of demoCompound.people) {
      const [row] = await tx
        .insert(people)
        .values({
          employeeNo: p.employeeNo,
          name: p.name,
          title: p.title,
          departmentId: departmentIds.get(p.departmentKey)!,
          phoneEnc: cipher.encrypt(p.phone),
          phoneHash: cipher.hash('phone', p.phone),
        })
        .returning({ id: people.id });
      await tx
        .insert(personRoles)
        .values(p.roles.map((r) => ({ personId: row!.id, ...rowFromGrant(toGrant(r)) })));
      if (p.openid) await tx.insert(wechatBindings).values({ openid: p.openid, personId: row!.id });
    }

    await tx.insert(auditLog).values({
      actorKind: 'system',
      action: 'system.demo_seeded',
      entityType: 'directory',
      client: 'unknown',
      details: { people: demoCompound.people.length, departments: demoCompound.departments.length },
    });
    return true;
  });
}
