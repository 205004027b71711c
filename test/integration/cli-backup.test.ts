import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_KEY_FILE } from '../../electron/core/activation/code-key';
import { SECRET_KEY_FILE } from '../../electron/core/outbox/secret-box';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';

let temp: ReturnType<typeof tempDataDir>;
/** The real data folder, and a symlink to it (as a user's ~/portier -> /mnt/data/portier). */
let dataDir: string;
let linkedDir: string;
let database: string;

function health(file: string): { rows: number; integrity: unknown } {
  const db = new SQLite(file, { readonly: true });
  try {
    return { rows: (db.prepare('SELECT count(*) AS n FROM backup_load').get() as { n: number }).n, integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  temp = tempDataDir('portier-backup-');
  dataDir = path.join(temp.dir, 'data');
  linkedDir = path.join(temp.dir, 'linked');
  const core = await openPortierCore({ dataDir });
  core.deps.secretBox.encrypt('creates the key file');
  await core.close();
  fs.symlinkSync(dataDir, linkedDir);
  database = path.join(dataDir, 'portier.sqlite');
  const db = new SQLite(database);
  db.exec('CREATE TABLE backup_load (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload TEXT NOT NULL)');
  // About 10 MB, so a backup takes long enough for the writers to interleave with it.
  db.prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO backup_load (writer, payload) SELECT 0, hex(randomblob(250)) FROM n").run();
  db.close();
}, 30_000);

afterAll(() => temp.remove());

describe('portier CLI: backup never touches the live database', () => {
  it('refuses the database itself reached through a symlinked data folder, even with --force', async () => {
    const before = health(database);
    const run = await portier(['backup', path.join(linkedDir, 'portier.sqlite'), '--force', '--data-dir', linkedDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data folder itself');
    expect(health(database)).toEqual(before);
    expect(before.integrity).toBe('ok');
    // The same through the real folder while --data-dir names the link, and through a symlink at FILE.
    const viaReal = await portier(['backup', database, '--force', '--data-dir', linkedDir]);
    fs.symlinkSync(database, path.join(temp.dir, 'innocent.sqlite'));
    const viaFileLink = await portier(['backup', path.join(temp.dir, 'innocent.sqlite'), '--force', '--data-dir', dataDir]);
    expect([viaReal.code, viaFileLink.code]).toEqual([1, 1]);
    expect(health(database)).toEqual(before);
  }, 90_000);

  it('refuses the -wal and -shm of the database, also in another letter case, and the key files', async () => {
    const keys = [SECRET_KEY_FILE, CODE_KEY_FILE].map((file) => fs.readFileSync(path.join(dataDir, file)));
    const targets = ['portier.sqlite-wal', 'portier.sqlite-shm', 'PORTIER.SQLITE-WAL', 'Portier.sqlite', SECRET_KEY_FILE, CODE_KEY_FILE];
    const runs = await Promise.all(targets.map((file) => portier(['backup', path.join(linkedDir, file), '--force', '--data-dir', linkedDir])));
    runs.forEach((run, i) => {
      expect(run.code, targets[i]).toBe(1);
      expect(run.stderr, targets[i]).toContain('data folder itself');
    });
    expect([SECRET_KEY_FILE, CODE_KEY_FILE].map((file) => fs.readFileSync(path.join(dataDir, file)))).toEqual(keys);
    expect(fs.existsSync(path.join(dataDir, 'PORTIER.SQLITE-WAL'))).toBe(false);
    expect(health(database).integrity).toBe('ok');
  }, 90_000);

  it('replaces an existing FILE by renaming a complete copy over it; when the copy fails the old FILE stays', async () => {
    const target = path.join(temp.dir, 'backup.sqlite');
    fs.writeFileSync(target, 'the previous backup');
    fs.writeFileSync(`${target}-wal`, 'a stale wal of the previous backup');
    const inodeBefore = fs.statSync(target).ino;
    const run = await portier(['backup', target, '--force', '--data-dir', linkedDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.statSync(target).ino).not.toBe(inodeBefore);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(health(target)).toEqual(health(database));

    const broken = path.join(temp.dir, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'portier.sqlite'), 'this is not a database'.repeat(100));
    const old = fs.readFileSync(target);
    const failed = await portier(['backup', target, '--force', '--data-dir', broken]);
    expect(failed.code).not.toBe(0);
    expect(fs.readFileSync(target).equals(old)).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 90_000);

  it('takes a backup during 4 concurrent writer processes that passes integrity_check and opens', async () => {
    const stopFile = path.join(temp.dir, 'stop-writers');
    const writers: ChildProcess[] = [];
    const exits: Promise<number | null>[] = [];
    const started: Promise<void>[] = [];
    for (let i = 0; i < 4; i += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/database-writer-child.ts', database, stopFile], { cwd: path.resolve(import.meta.dirname, '..', '..') });
      writers.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      exits.push(new Promise((resolve) => child.on('close', resolve)));
      // A writer that dies before its first commit fails the test with its error instead of hanging it.
      started.push(
        new Promise((resolve, reject) => {
          child.stdout?.on('data', () => resolve());
          child.on('close', (code) => reject(new Error(`writer ${i} exited with ${code} before writing:\n${stderr}`)));
        }),
      );
    }
    try {
      await Promise.all(started);
      const rowsBefore = health(database).rows;
      const target = path.join(temp.dir, 'under-load.sqlite');
      const run = await portier(['backup', target, '--data-dir', dataDir]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const copy = health(target);
      expect(copy.integrity).toBe('ok');
      // The snapshot holds what was written before the backup began and the writers went on after it.
      expect(copy.rows).toBeGreaterThan(rowsBefore);
      fs.writeFileSync(stopFile, '');
      expect(await Promise.all(exits)).toEqual([0, 0, 0, 0]);
      expect(health(database).rows).toBeGreaterThan(copy.rows);
      const opened = new SQLite(target);
      expect(opened.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 });
      opened.close();
    } finally {
      fs.writeFileSync(stopFile, '');
      for (const child of writers) if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
