import { defineConfig } from 'vitest/config';

// Browser journeys against the H5 build, the real server and the mocks (see e2e/support).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    globalSetup: ['../server/test/support/china-midnight.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
