import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { gates, people, personRoles, visitorsGateDevices, visitorsPassages } from '../platform/db/schema.js';

export type NewPassage = typeof visitorsPassages.$inferInsert;

@Injectable()
export class GateRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  async activeDevices() {
    return this.db
      .select({
        id: visitorsGateDevices.id,
        code: visitorsGateDevices.code,
        gateId: visitorsGateDevices.gateId,
        secretEnc: visitorsGateDevices.secretEnc,
      })
      .from(visitorsGateDevices)
      .where(isNull(visitorsGateDevices.disabledAt));
  }

  async gate(id: string) {
    const [row] = await this.db
      .select({ id: gates.id, name: gates.name })
      .from(gates)
      .where(eq(gates.id, id));
    return row;
  }

  /** Guards posted at a gate (their role scope lists it). */
  async guardsOf(gateId: string, tx: Db | Tx = this.db): Promise<string[]> {
    const rows = await tx
      .select({ id: personRoles.personId })
      .from(personRoles)
      .innerJoin(people, eq(people.id, personRoles.personId))
      .where(
        and(
          eq(personRoles.role, 'guard'),
          eq(people.status, 'active'),
          sql`${personRoles.scope}->'gateIds' ? ${gateId}`,
        ),
      );
    return rows.map((r) => r.id);
  }

  async person(id: string) {
    const [row] = await this.db
      .select({ name: people.name, status: people.status })
      .from(people)
      .where(eq(people.id, id));
    return row;
  }

  async recordPassage(passage: NewPassage, tx: Db | Tx = this.db): Promise<number> {
    const [row] = await tx.insert(visitorsPassages).values(passage).returning({ id: visitorsPassages.id });
    return row!.id;
  }

  /** Today's latest passages (China Standard Time), at the given gates or all. */
  async todaysPassages(gateIds: string[] | 'all', limit = 100) {
    const startOfDay = sql`date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;
    return this.db
      .select({ passage: visitorsPassages, gateName: gates.name })
      .from(visitorsPassages)
      .innerJoin(gates, eq(gates.id, visitorsPassages.gateId))
      .where(
        and(
          gte(visitorsPassages.at, startOfDay),
          gateIds === 'all' ? undefined : inArray(visitorsPassages.gateId, gateIds),
        ),
      )
      .orderBy(desc(visitorsPassages.id))
      .limit(limit);
  }
}
