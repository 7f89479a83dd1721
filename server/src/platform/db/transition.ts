import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/** A table whose rows move through statuses. */
type StatusTable = PgTable & { id: PgColumn; status: PgColumn; updatedAt: PgColumn };

/**
 * Changes row `id` only if its status is still one of `from` (and `extra` holds): one conditional UPDATE, so
 * of concurrent callers exactly one gets the row back; the others get undefined and decide what to answer.
 */
export async function transition<T extends StatusTable>(
  tx: Tx,
  table: T,
  id: string,
  from: readonly T['status']['_']['data'][],
  set: PgUpdateSetSource<T>,
  extra?: SQL,
): Promise<T['$inferSelect'] | undefined> {
  const rows = (await tx
    .update(table)
    .set({ ...set, updatedAt: sql`now()` } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), inArray(table.status, [...from]), extra))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}
