import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The common supertype of the node-postgres and PGlite databases: all query code is written against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = 'postgres' | 'pglite';

export interface DbHandle {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite in `dataDir` (or `memory://`). */
  url?: string;
  dataDir?: string;
  poolMax?: number;
  migrate?: boolean;
}

const MIGRATION_LOCK_KEY = 724_118_001;
export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

export async function createDb(opts: DbOptions): Promise<DbHandle> {
  return opts.url ? createPostgres(opts.url, opts) : createPglite(opts.dataDir ?? 'memory://', opts);
}

async function createPostgres(url: string, opts: DbOptions): Promise<DbHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({ connectionString: url, max: opts.poolMax ?? 10 });
  const db = drizzle({ client: pool, schema });
  if (opts.migrate ?? true) {
    // drizzle's migrator takes no lock, and instances starting together race; serialise them.
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const conn = await pool.connect();
    try {
      await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrate(drizzle({ client: conn }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      conn.release();
    }
  }
  return { kind: 'postgres', db: db as unknown as Db, close: () => pool.end() };
}

async function createPglite(dataDir: string, opts: DbOptions): Promise<DbHandle> {
  // PGlite creates its own folder but not the folders above it (a fresh clone has no ./data).
  if (!dataDir.includes('://')) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  // Extensions must be registered when the instance is created; migrations then CREATE EXTENSION them.
  const client = await PGlite.create({ dataDir, extensions: { btree_gist } });
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle({ client, schema });
  if (opts.migrate ?? true) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return { kind: 'pglite', db: db as unknown as Db, close: () => client.close() };
}

/** Raw SQL through the common type: both drivers answer `{ rows }`. */
export async function rawRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** SQLSTATE and constraint of a driver error, unwrapped from drizzle's DrizzleQueryError. */
export function pgError(err: unknown): { code?: string; constraint?: string } {
  let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 3 && e; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
    }
    e = e.cause as typeof e;
  }
  return {};
}
