import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb, rawRows } from '../src/platform/db/client.js';
import { databaseUrl, testDbKind, withAdmin } from './support/test-db.js';

describe.runIf(testDbKind === 'postgres')('migrations on PostgreSQL', () => {
  it('lets four instances start together on an empty database', async () => {
    const name = `dayuan_t_migrate_${Date.now().toString(36)}`;
    await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    const handles = await Promise.all(
      Array.from({ length: 4 }, () => createDb({ url: databaseUrl(name), poolMax: 2 })),
    );
    try {
      const [row] = await rawRows<{ n: number }>(
        handles[0]!.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(row?.n).toBeGreaterThan(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});
