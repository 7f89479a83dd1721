import { randomBytes } from 'node:crypto';
import { startStack } from '../../server/scripts/stack.mjs';
import { deleteKeys } from './redis-keys.mjs';

/** Production settings for a bench server: secrets set, mocks explicitly allowed, quiet logs. */
const productionEnv = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_KEY: randomBytes(32).toString('base64'),
  ENTRY_CODE_KEY: randomBytes(32).toString('base64'),
  ALLOW_MOCK_SERVICES: 'true',
});

/**
 * The stack a bench measures: production settings, database `dayuan_bench`, and its own Redis namespace,
 * removed once the server has stopped (clean-ups run last-in first-out). `serverEnv` adds or overrides.
 */
export async function startBenchStack({ mode, defer, log, serverEnv = {} }) {
  const redisPrefix = `dayuan-bench-${process.pid}-${randomBytes(4).toString('hex')}:`;
  if (mode === 'production') {
    defer(async () =>
      log(`removed ${await deleteKeys(process.env.REDIS_URL, redisPrefix)} server Redis keys`),
    );
  }
  const stack = await startStack({
    mode,
    databaseName: 'dayuan_bench',
    serverEnv: { ...productionEnv(), REDIS_PREFIX: redisPrefix, ...serverEnv },
  });
  defer(stack.stop);
  log(`stack up: ${stack.url} (${mode})`);
  return stack;
}
