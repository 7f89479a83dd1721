import { demoLogins } from '@dayuan/mocks/demo';
import { loadConfig } from '../platform/config/config.js';
import { createDb } from '../platform/db/client.js';
import { seedDemo } from './demo-seed.js';
import { seedLoadTestPeople } from './load-test-people.js';
import { seedLoadTestRooms } from './load-test-rooms.js';
import { seedLoadTestVisits } from './load-test-visits.js';

// `npm run seed -w server`: migrate, then load the demo compound into an empty database.
// SEED_LOAD_TEST_PEOPLE=n also adds n load-test staff in department 压测部, and SEED_LOAD_TEST_VISITS=n
// n approved visits they host, and SEED_LOAD_TEST_ROOMS=n building 压测楼 with n bookable meeting rooms
// (benchmarks).
const config = loadConfig();
const loadTestPeople = Number(process.env.SEED_LOAD_TEST_PEOPLE ?? 0);
const loadTestVisits = Number(process.env.SEED_LOAD_TEST_VISITS ?? 0);
const loadTestRooms = Number(process.env.SEED_LOAD_TEST_ROOMS ?? 0);
const handle = await createDb({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR });
try {
  const seeded = await seedDemo(handle.db, config.DATA_KEY);
  console.log(
    seeded ? `demo data loaded (${handle.kind})` : `people already exist (${handle.kind}); nothing loaded`,
  );
  console.log(`demo logins: ${JSON.stringify(demoLogins)}`);
  if (Number.isInteger(loadTestPeople) && loadTestPeople > 0) {
    const added = await seedLoadTestPeople(handle.db, config.DATA_KEY, loadTestPeople);
    console.log(`load-test people added: ${added}`);
  }
  if (Number.isInteger(loadTestVisits) && loadTestVisits > 0) {
    const added = await seedLoadTestVisits(handle.db, config.DATA_KEY, loadTestVisits);
    console.log(`load-test visits added: ${added}`);
  }
  if (Number.isInteger(loadTestRooms) && loadTestRooms > 0) {
    const added = await seedLoadTestRooms(handle.db, loadTestRooms);
    console.log(`load-test meeting rooms added: ${added}`);
  }
} finally {
  await handle.close();
}
