import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { Batcher } from '../platform/db/batcher.js';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { gates, people, personRoles, visitorsGateDevices, visitorsPassages } from '../platform/db/schema.js';

export type NewPassage = typeof visitorsPassages.$inferInsert;

@Injectable()
export class GateRepository {
  /** Gate traffic comes in bursts: concurrent scans share one statement for their reads and for their log rows. */
  private readonly people = new Batcher((ids: string[]) => this.peopleById(ids));
  private readonly passages = new Batcher((rows: NewPassage[]) => this.insertPassages(this.db, rows));

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

  gates() {
    return this.db.select({ id: gates.id, name: gates.name }).from(gates);
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

  person(id: string) {
    return this.people.submit(id);
  }

  private async peopleById(ids: string[]) {
    const rows = await this.db
      .select({ id: people.id, name: people.name, status: people.status })
      .from(people)
      .where(inArray(people.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** The new passage's id; outside a transaction it is written together with concurrent ones. */
  async recordPassage(passage: NewPassage, tx?: Tx): Promise<number> {
    if (tx) return (await this.insertPassages(tx, [passage]))[0]!;
    return this.passages.submit(passage);
  }

  private async insertPassages(tx: Db | Tx, rows: NewPassage[]): Promise<number[]> {
    const inserted = await tx.insert(visitorsPassages).values(rows).returning({ id: visitorsPassages.id });
    // Ids come from one sequence in row order within the statement, whatever order RETURNING lists them in.
    return inserted.map((r) => r.id).sort((a, b) => a - b);
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
