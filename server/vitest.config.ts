import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // SWC emits the decorator metadata Nest's dependency injection needs; esbuild does not.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/support/china-midnight.ts', './test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each worker keeps one database across files (truncated per file): a fresh one per file costs seconds.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
