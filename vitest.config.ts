import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    // Two cores here: parallel, but modest.
    maxWorkers: 2,
    testTimeout: 20_000,
    environment: 'node',
    // One migrated database for the run, copied by each test core; a cheap password hash cost.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/vitest-setup.ts'],
  },
});
