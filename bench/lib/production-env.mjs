import { randomBytes } from 'node:crypto';

/** Production settings for a bench server: secrets set, mocks explicitly allowed. */
export const productionEnv = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_KEY: randomBytes(32).toString('base64'),
  ENTRY_CODE_KEY: randomBytes(32).toString('base64'),
  ALLOW_MOCK_SERVICES: 'true',
});
