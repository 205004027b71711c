import { defineConfig } from 'vitest/config';

/**
 * Tests about the SQLite file itself (its migrations step by step, PRAGMAs, the template copy,
 * a full disk) and the PostgreSQL tests that make their own databases: they run once, in the
 * project "sqlite". Every other integration test runs on both databases.
 */
const SQLITE_ONLY = [
  'test/integration/migration-*.test.ts',
  'test/integration/migrations.test.ts',
  'test/integration/template-database.test.ts',
  'test/integration/postgres-*.test.ts',
  'test/integration/outbox-two-workers.test.ts',
  // Its own SQLite data folder, whatever the project: outbox-two-workers.test.ts is its PostgreSQL side.
  'test/integration/outbox-crash.test.ts',
  'test/integration/cli-backup-postgres.test.ts',
  // SQLite's own machinery: temporary triggers that see every row written (what a channel writes
  // does not depend on the database), max_page_count for a full disk, the fingerprint of sqlite_master.
  'test/integration/channel-writes.test.ts',
  'test/integration/disk-full.test.ts',
  'test/integration/database-fingerprint.test.ts',
  'test/integration/cli-copy-to.test.ts',
  'test/integration/cli-migrate.test.ts',
  // Its own SQLite data folder and its own PostgreSQL database (two cores on it).
  'test/integration/browser-change-stream.test.ts',
  // Two cores with data folders of their own on a database of the file's own.
  'test/integration/office-keys-*.test.ts',
];

export default defineConfig({
  test: {
    // Two cores here: parallel, but modest (for both projects together).
    maxWorkers: 2,
    testTimeout: 20_000,
    environment: 'node',
    // One migrated database for the run, copied by each test core; a cheap password hash cost.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/vitest-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          exclude: SQLITE_ONLY,
          env: { PORTIER_TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
