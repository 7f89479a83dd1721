import { eq } from 'drizzle-orm';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db } from '../platform/db/client.js';
import { auditLog, departments, people, personRoles, wechatBindings } from '../platform/db/schema.js';
import { rowFromGrant } from '../platform/directory/role-rows.js';

const DEPARTMENT = '压测部';
const CHUNK = 500;

/**
 * Adds `count` deterministic staff in department 压测部 for load tests (`L00001`, `压测人员00001`, phone
 * `13700000001`, openid `oLoadTest000…0001`), in one transaction. Returns how many were added: none when
 * the department already exists.
 */
export async function seedLoadTestPeople(db: Db, dataKey: string, count: number): Promise<number> {
  const cipher = new PersonalDataCipher(dataKey);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(departments).where(eq(departments.path, DEPARTMENT));
    if (existing) return 0;

    const [department] = await tx
      .insert(departments)
      .values({ name: DEPARTMENT, path: DEPARTMENT, sortOrder: 999 })
      .returning({ id: departments.id });
    for (let start = 1; start <= count; start += CHUNK) {
      const numbers = Array.from({ length: Math.min(CHUNK, count - start + 1) }, (_, i) => start + i);
      const rows = await tx
        .insert(people)
        .values(
          numbers.map((n) => {
            const phone = `137${String(n).padStart(8, '0')}`;
            return {
              employeeNo: `L${String(n).padStart(5, '0')}`,
              name: `压测人员${String(n).padStart(5, '0')}`,
              departmentId: department!.id,
              phoneEnc: cipher.encrypt(phone),
              phoneHash: cipher.hash('phone', phone),
            };
          }),
        )
        .returning({ id: people.id, employeeNo: people.employeeNo });
      await tx
        .insert(personRoles)
        .values(rows.map((r) => ({ personId: r.id, ...rowFromGrant({ role: 'staff' }) })));
      await tx.insert(wechatBindings).values(
        rows.map((r) => ({
          openid: `oLoadTest${r.employeeNo.slice(1).padStart(19, '0')}`,
          personId: r.id,
        })),
      );
    }

    await tx.insert(auditLog).values({
      actorKind: 'system',
      action: 'system.load_test_people_seeded',
      entityType: 'directory',
      client: 'unknown',
      details: { people: count, department: DEPARTMENT },
    });
    return count;
  });
}
