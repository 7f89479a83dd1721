import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/platform/db/client.js';
import * as schema from '../../src/platform/db/schema.js';

/** Tests run against PostgreSQL when DATABASE_URL is set (production mode), else against PGlite. */
export const testDbKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const DATA = path.resolve(import.meta.dirname, '../../.data');
export const PGLITE_TEMPLATE = path.join(DATA, 'test-template');
export const PG_TEMPLATE = 'dayuan_test_template';
export const PG_PREFIX = 'dayuan_t_';

export function databaseUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const tables = (Object.values(schema) as unknown[])
  .filter((t): t is PgTable => is(t, PgTable))
  .map((t) => `"${getTableName(t)}"`);

const g = globalThis as { __dayuanWorkerDb?: Promise<DbHandle> };

async function cloneTemplate(): Promise<DbHandle> {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  if (testDbKind === 'pglite') {
    const dir = path.join(DATA, `t-${id}`);
    cpSync(PGLITE_TEMPLATE, dir, { recursive: true });
    const handle = await createDb({ dataDir: dir, migrate: false });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  await withAdmin((c) => c.query(`CREATE DATABASE ${PG_PREFIX}${id} TEMPLATE ${PG_TEMPLATE}`));
  return createDb({ url: databaseUrl(`${PG_PREFIX}${id}`), poolMax: 20, migrate: false });
}

/** This worker's database as it is (for a second app instance on the same data). */
export async function sharedDb(): Promise<DbHandle> {
  const handle = await (g.__dayuanWorkerDb ??= cloneTemplate());
  return { ...handle, close: async () => undefined };
}

/** This worker's database, emptied: one per worker, reused by every file it runs. */
export async function freshDb(): Promise<DbHandle> {
  g.__dayuanWorkerDb ??= cloneTemplate();
  const handle = await g.__dayuanWorkerDb;
  await handle.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
  // The worker keeps the handle; apps built on it must not close it.
  return { ...handle, close: async () => undefined };
}
