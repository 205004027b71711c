import { defineConfig } from '@playwright/test';
import type { E2eDatabase } from './test/e2e/fixtures';

/** Debian's Chromium; Playwright never downloads a browser on these machines. */
const chromiumPath = process.env.PORTIER_CHROMIUM ?? '/usr/bin/chromium';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  },
};

/**
 * The loops that run again on PostgreSQL (issue 13): activation, view-as and the customer's
 * portal loop, each on a throwaway database of the server at 127.0.0.1:5432. Only these, to
 * keep the run short; the rest of the e2e runs on SQLite alone.
 */
const ON_POSTGRES_TOO = /[\\/](activation|view-as|portal-loop|portal-pages)\.spec\.ts$/;

export default defineConfig<{ database: E2eDatabase }>({
  testDir: 'test/e2e',
  fullyParallel: true,
  // Two cores here: parallel, but modest.
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', locale: 'en-GB' },
  projects: [
    { name: 'e2e', testIgnore: /electron\.spec\.ts$/, use: chromium },
    { name: 'postgres', testMatch: ON_POSTGRES_TOO, use: { ...chromium, database: 'postgres' } },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
