import { demoLogins } from '@dayuan/mocks/demo';
import { loadConfig } from '../platform/config/config.js';
import { createDb } from '../platform/db/client.js';
import { seedDemo } from './demo-seed.js';

// `npm run seed -w server`: migrate, then load the demo compound into an empty database.
const config = loadConfig();
const handle = await createDb({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR });
try {
  const seeded = await seedDemo(handle.db, config.DATA_KEY);
  console.log(
    seeded ? `demo data loaded (${handle.kind})` : `people already exist (${handle.kind}); nothing loaded`,
  );
  console.log(`demo logins: ${JSON.stringify(demoLogins)}`);
} finally {
  await handle.close();
}
