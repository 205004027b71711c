import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackOfficeAlreadyRunning, takeBackOfficeLock } from '../../electron/core/back-office-lock';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore } from '../../electron/core/portier-core';
import { spawnPortier as portier } from '../support/cli';
import { ADMIN, tempDataDir } from '../support/core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER_BUILT = fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));

interface Serving {
  child: ChildProcessWithoutNullStreams;
  url: string;
  exited: Promise<number | null>;
}

const running: Serving[] = [];

/** `npm run portier -- serve` on DATA_DIR, resolved once it prints its address. */
function serve(dataDir: string): Promise<Serving> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'serve', '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, PORTIER_DATA_DIR: '' } });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Portier is running at (\S+)/.exec(out)?.[1];
      if (url) {
        const serving = { child, url, exited };
        running.push(serving);
        resolve(serving);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => reject(new Error(`serve exited ${code} before it listened: ${err}`)));
  });
}

let temp: ReturnType<typeof tempDataDir>;
let dataDir: string;

beforeAll(async () => {
  temp = tempDataDir('portier-one-back-office-');
  dataDir = path.join(temp.dir, 'data');
  const core = await openPortierCore({ dataDir });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  await core.call(admin, 'organisations:create', { name: 'Acme' });
  await core.close();
}, 30_000);
afterEach(async () => {
  for (const s of running.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await s.exited;
  }
});
afterAll(() => temp.remove());

describe('one back office per data dir', () => {
  it('refuses a second back office in the same process, naming the first, and lets one start after release', () => {
    const first = takeBackOfficeLock(dataDir, 'desktop');
    let refused: unknown;
    try {
      takeBackOfficeLock(dataDir, 'serve');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(BackOfficeAlreadyRunning);
    expect((refused as Error).message).toContain(`the desktop app, process ${process.pid}`);
    first.release();
    takeBackOfficeLock(dataDir, 'serve').release();
  });

  it.skipIf(!RENDERER_BUILT)('a second serve on the same data dir exits 1 naming the running one; after SIGKILL of the first a new one starts', async () => {
    const first = await serve(dataDir);
    const second = await portier(['serve', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Portier is already running');
    expect(second.stderr).toContain(`process ${first.child.pid}`);
    expect(second.stderr).toContain(`browser mode (serve) at ${new URL(first.url).origin}`);
    // The per-launch key stays with whoever started the first one.
    expect(second.stderr).not.toContain(new URL(first.url).hash.slice(1));

    first.child.kill('SIGKILL');
    await first.exited;
    const next = await serve(dataDir);
    expect(next.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    // The new one holds the lock now.
    expect((await portier(['serve', '--data-dir', dataDir])).stderr).toContain(`process ${next.child.pid}`);
  }, 120_000);

  it.skipIf(!RENDERER_BUILT)('a CLI import while serve runs and another process holds write transactions creates every valid row', async () => {
    await serve(dataDir);
    // Another connection (as the portal will be) commits a write every few milliseconds and
    // holds each for a while: the CLI's transactions meet a busy, changing database.
    const other = new SQLite(path.join(dataDir, 'portier.sqlite'));
    other.pragma('busy_timeout = 5000');
    let holding = true;
    const holder = (async () => {
      while (holding) {
        other.exec('BEGIN IMMEDIATE');
        other.prepare('UPDATE staff SET updated_at = ? WHERE id = 1').run(new Date().toISOString());
        await new Promise((resolve) => setTimeout(resolve, 40));
        other.exec('COMMIT');
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    const rows = Array.from({ length: 40 }, (_, i) => `busy${i}@example.com,Acme`);
    const file = path.join(temp.dir, 'accounts.csv');
    fs.writeFileSync(file, ['email,organisation', ...rows].join('\n'));
    try {
      const [imported, created] = await Promise.all([
        portier(['import', 'accounts', file, '--data-dir', dataDir]),
        portier(['accounts', 'create', '--email', 'single@example.com', '--organisation', 'Acme', '--data-dir', dataDir]),
      ]);
      // stderr holds the import's progress, nothing else.
      expect(imported.stderr).toMatch(/^(Imported \d+ of 40 rows\n)*$/);
      expect(imported.stdout).toContain('40 created, 0 rejected.');
      expect(imported.code).toBe(0);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
    } finally {
      holding = false;
      await holder;
      other.close();
    }
    const check = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
    expect(check.prepare("SELECT count(*) AS n FROM portal_account WHERE username LIKE 'busy%' OR username = 'single@example.com'").get()).toEqual({ n: 41 });
    check.close();
  }, 120_000);
});
