import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '../../server/scripts/stack.mjs';
import { stopNode } from '../../server/scripts/proc.mjs';
import { deleteKeys } from './redis-keys.mjs';

/** Production settings for a bench server: secrets set, mocks explicitly allowed, quiet logs. */
const productionEnv = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_KEY: randomBytes(32).toString('base64'),
  ENTRY_CODE_KEY: randomBytes(32).toString('base64'),
  ALLOW_MOCK_SERVICES: 'true',
});

const DATABASE_NAME = 'dayuan_bench';

/**
 * The stack a bench measures: production settings, database `dayuan_bench` (a new PGlite folder in embedded
 * mode), and its own Redis namespace, removed once the server has stopped (clean-ups run last-in first-out).
 * `serverEnv` adds or overrides. Besides startStack's fields it has `stopServer()` and `openDatabase()`: once
 * the server has stopped, a bench may open its database (server/dist's `createDb`, no migration) to check it.
 */
export async function startBenchStack({ mode, defer, log, serverEnv = {} }) {
  const redisPrefix = `dayuan-bench-${process.pid}-${randomBytes(4).toString('hex')}:`;
  if (mode === 'production') {
    defer(async () =>
      log(`removed ${await deleteKeys(process.env.REDIS_URL, redisPrefix)} server Redis keys`),
    );
  }
  const pgliteDir = mode === 'embedded' ? await mkdtemp(path.join(os.tmpdir(), 'dayuan-pglite-')) : undefined;
  if (pgliteDir) defer(() => rm(pgliteDir, { recursive: true, force: true }));
  const stack = await startStack({
    mode,
    databaseName: DATABASE_NAME,
    pgliteDir,
    serverEnv: { ...productionEnv(), REDIS_PREFIX: redisPrefix, ...serverEnv },
  });
  defer(stack.stop);
  log(`stack up: ${stack.url} (${mode})`);
  const server = stack.processes.find((proc) => proc.name === 'server');
  return {
    ...stack,
    stopServer: () => stopNode(server),
    async openDatabase() {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        throw new Error('stop the server before opening its database');
      }
      const { createDb } = await import('../../server/dist/platform/db/client.js');
      if (pgliteDir) return createDb({ dataDir: pgliteDir, migrate: false });
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${DATABASE_NAME}`;
      return createDb({ url: url.toString(), poolMax: 1, migrate: false });
    },
  };
}
