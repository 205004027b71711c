import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { POSTGRES_ADMIN_URL, postgresAnswers, throwawayDatabase } from '../support/postgres';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_CLI = path.join(ROOT, 'dist/cli/portier.mjs');
const ADDRESS_LINE = /Portier is running at (http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+)/;

/** A browser-mode Portier on its own temporary data folder, as `npm run portier -- serve` starts it. */
export interface PortierServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL database the server runs on (project "postgres"); none on SQLite (portier.sqlite in the data folder). */
  databaseUrl?: string;
}

/**
 * The database the e2e tests run on: SQLite in project "e2e", PostgreSQL in project "postgres"
 * (playwright.config.ts), which runs the specs of the activation, view-as and portal loops again
 * on a throwaway database of the server on 127.0.0.1:5432 per test.
 */
export type E2eDatabase = 'sqlite' | 'postgres';

/** The command line's options that point a `serve`, `portal` or CLI command at the test's database (none on SQLite). */
export function databaseArgs(target: { databaseUrl?: string | undefined }): string[] {
  return target.databaseUrl ? ['--database', target.databaseUrl] : [];
}

/** Starts `serve` on a data folder; `extraArgs` for more options (--database URL). */
export async function startServer(dataDir: string, extraArgs: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const args = fs.existsSync(BUILT_CLI)
    ? [BUILT_CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs]
    : ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print its address:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ADDRESS_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

const PORTAL_LINE = /The customer portal is running at (http:\/\/127\.0\.0\.1:\d+)/;

/** The customer portal on a data folder, as `npm run portier -- portal` starts it (beside a back office on the same folder); `extraArgs` as for startServer. */
export async function startPortal(dataDir: string, extraArgs: readonly string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  const command = ['portal', '--port', '0', '--data-dir', dataDir, ...extraArgs];
  const args = fs.existsSync(BUILT_CLI) ? [BUILT_CLI, ...command] : ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...command];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`portal did not print its address:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = PORTAL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  };
  return { url, stop };
}

export const test = base.extend<{ portier: PortierServer; officeDatabaseUrl: string | undefined }, { database: E2eDatabase }>({
  database: ['sqlite', { scope: 'worker', option: true }],
  /** On PostgreSQL a new, empty database for the test (the first core to open it migrates it), dropped after it; none on SQLite. */
  officeDatabaseUrl: async ({ database }, use) => {
    if (database === 'sqlite') return use(undefined);
    if (!(await postgresAnswers())) {
      throw new Error(`The Playwright project "postgres" needs the PostgreSQL server at ${POSTGRES_ADMIN_URL} (.ci/run sets one up); without one, run --project e2e.`);
    }
    const office = await throwawayDatabase();
    try {
      await use(office.url);
    } finally {
      await office.drop();
    }
  },
  portier: async ({ officeDatabaseUrl }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-e2e-'));
    const target = { dataDir, ...(officeDatabaseUrl ? { databaseUrl: officeDatabaseUrl } : {}) };
    const { url, child } = await startServer(dataDir, databaseArgs(target));
    await use({ url, ...target });
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
