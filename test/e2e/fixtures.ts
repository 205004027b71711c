import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_CLI = path.join(ROOT, 'dist/cli/portier.mjs');
const ADDRESS_LINE = /Portier is running at (http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+)/;

/** A browser-mode Portier on its own temporary data folder, as `npm run portier -- serve` starts it. */
export interface PortierServer {
  url: string;
  dataDir: string;
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

/** The customer portal on a data folder, as `npm run portier -- portal` starts it (beside a back office on the same folder). */
export async function startPortal(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const command = ['portal', '--port', '0', '--data-dir', dataDir];
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

export const test = base.extend<{ portier: PortierServer }>({
  // Playwright reads a fixture's dependencies from the destructuring pattern, so an empty one is required here.
  // eslint-disable-next-line no-empty-pattern
  portier: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-e2e-'));
    const { url, child } = await startServer(dataDir);
    await use({ url, dataDir });
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
