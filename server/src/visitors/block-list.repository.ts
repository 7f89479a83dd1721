import { Injectable } from '@nestjs/common';
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { people, visitorsBlockList } from '../platform/db/schema.js';

/** What a visitor is matched on: hashes of phone and ID number, and the name as given. */
export interface BlockProbe {
  phoneHash: string | null;
  idNumberHash: string | null;
  name: string | null;
}

@Injectable()
export class BlockListRepository {
  constructor(@InjectDb() private readonly db: Db) {}

  /** The first active entry matching any of the probe's keys. */
  async match(probe: BlockProbe, tx: Db | Tx = this.db) {
    const keys = [
      probe.phoneHash ? eq(visitorsBlockList.phoneHash, probe.phoneHash) : undefined,
      probe.idNumberHash ? eq(visitorsBlockList.idNumberHash, probe.idNumberHash) : undefined,
      probe.name ? sql`${probe.name.trim()} = ANY(${visitorsBlockList.names})` : undefined,
    ].filter((k) => k !== undefined);
    if (keys.length === 0) return undefined;
    const [row] = await tx
      .select({ id: visitorsBlockList.id, reason: visitorsBlockList.reason })
      .from(visitorsBlockList)
      .where(and(this.active(), or(...keys)))
      .limit(1);
    return row;
  }

  async page(page: number, pageSize: number) {
    const [total] = await this.db.select({ n: count() }).from(visitorsBlockList).where(this.active());
    const items = await this.db
      .select({ entry: visitorsBlockList, createdByName: people.name })
      .from(visitorsBlockList)
      .innerJoin(people, eq(people.id, visitorsBlockList.createdBy))
      .where(this.active())
      .orderBy(desc(visitorsBlockList.createdAt), desc(visitorsBlockList.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return { items, total: total?.n ?? 0 };
  }

  async insert(tx: Tx, values: typeof visitorsBlockList.$inferInsert) {
    const [row] = await tx.insert(visitorsBlockList).values(values).returning();
    return row!;
  }

  async remove(tx: Tx, id: string) {
    const [row] = await tx
      .update(visitorsBlockList)
      .set({ removedAt: sql`now()` })
      .where(and(eq(visitorsBlockList.id, id), isNull(visitorsBlockList.removedAt)))
      .returning({ id: visitorsBlockList.id });
    return row;
  }

  private active() {
    return and(
      isNull(visitorsBlockList.removedAt),
      or(isNull(visitorsBlockList.expiresAt), gt(visitorsBlockList.expiresAt, sql`now()`)),
    );
  }
}
