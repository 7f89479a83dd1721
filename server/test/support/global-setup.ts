import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../../src/platform/db/client.js';
import { databaseUrl, PG_PREFIX, PG_TEMPLATE, PGLITE_TEMPLATE, testDbKind, withAdmin } from './test-db.js';

async function dropWorkerDatabases() {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PG_PREFIX}%'`,
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

/** Builds one migrated template per run; workers clone it. */
export async function setup() {
  if (testDbKind === 'pglite') {
    const dataDir = path.dirname(PGLITE_TEMPLATE);
    mkdirSync(dataDir, { recursive: true });
    for (const entry of readdirSync(dataDir)) {
      rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    await (await createDb({ dataDir: PGLITE_TEMPLATE })).close();
    return;
  }
  await dropWorkerDatabases();
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  });
  await (await createDb({ url: databaseUrl(PG_TEMPLATE), poolMax: 1 })).close();
}

export async function teardown() {
  if (testDbKind === 'postgres') await dropWorkerDatabases();
  else rmSync(path.dirname(PGLITE_TEMPLATE), { recursive: true, force: true });
}
