import { randomUUID } from 'node:crypto';
import { like } from 'drizzle-orm';
import { PersonalDataCipher } from '../platform/crypto/personal-data.js';
import type { Db } from '../platform/db/client.js';
import { auditLog, gates, people, visitorsVisits } from '../platform/db/schema.js';

const CHUNK = 500;
const MAX_ENTRIES = 10;

/**
 * Adds `count` approved visits for load tests, hosted in turn by the load-test people (seed them first):
 * visitor `压测访客00001`, phone `13600000001`, profile complete, every gate, 10 entries, a window from an
 * hour ago to 12 hours ahead. Returns how many were added: none when load-test visits already exist.
 */
export async function seedLoadTestVisits(db: Db, dataKey: string, count: number): Promise<number> {
  const cipher = new PersonalDataCipher(dataKey);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: visitorsVisits.id })
      .from(visitorsVisits)
      .where(like(visitorsVisits.visitorName, '压测访客%'))
      .limit(1);
    if (existing) return 0;
    const hosts = await tx.select({ id: people.id }).from(people).where(like(people.employeeNo, 'L%'));
    if (hosts.length === 0) throw new Error('load-test visits need load-test people (SEED_LOAD_TEST_PEOPLE)');
    const gateIds = (await tx.select({ id: gates.id }).from(gates)).map((g) => g.id);
    const now = Date.now();
    for (let start = 1; start <= count; start += CHUNK) {
      const numbers = Array.from({ length: Math.min(CHUNK, count - start + 1) }, (_, i) => start + i);
      await tx.insert(visitorsVisits).values(
        numbers.map((n) => {
          const phone = `136${String(n).padStart(8, '0')}`;
          return {
            groupId: randomUUID(),
            origin: 'invitation' as const,
            status: 'approved' as const,
            hostId: hosts[n % hosts.length]!.id,
            visitorName: `压测访客${String(n).padStart(5, '0')}`,
            phoneEnc: cipher.encrypt(phone),
            phoneHash: cipher.hash('phone', phone),
            purpose: '压测',
            windowStart: new Date(now - 3600_000),
            windowEnd: new Date(now + 12 * 3600_000),
            gateIds,
            maxEntries: MAX_ENTRIES,
            privacyAcceptedAt: new Date(now),
          };
        }),
      );
    }
    await tx.insert(auditLog).values({
      actorKind: 'system',
      action: 'system.load_test_visits_seeded',
      entityType: 'visitors_visit',
      client: 'unknown',
      details: { visits: count },
    });
    return count;
  });
}
