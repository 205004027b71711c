import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { CODE_KEY_FILE } from '../../electron/core/activation/code-key';
import { SECRET_KEY_FILE } from '../../electron/core/outbox/secret-box';
import { DATABASE_FILE_NAME, openPortierCore } from '../../electron/core/portier-core';
import { runPortier } from '../support/cli';
import { ADMIN, tempDataDir } from '../support/core';

/** Issue 9, point 7: the data folder and the database are the user's alone (POSIX modes). */
const mode = (file: string) => fs.statSync(file).mode & 0o777;

let temp: ReturnType<typeof tempDataDir>;
let oldUmask: number;
beforeEach(() => {
  temp = tempDataDir('portier-modes-');
  // The usual umask, which would leave new folders 0755 and files 0644 without care.
  oldUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(oldUmask);
  temp.remove();
});

describe('the data folder on disk', () => {
  it('is created 0700 with the database, its WAL and the key files 0600', async () => {
    const dataDir = path.join(temp.dir, 'new', 'Portier');
    const core = await openPortierCore({ dataDir });
    try {
      await core.call(newSessionSlot(), 'setup:create-administrator', { ...ADMIN });
      core.deps.secretBox.encrypt('made on first use');
      expect(mode(dataDir)).toBe(0o700);
      const db = path.join(dataDir, DATABASE_FILE_NAME);
      expect(mode(db)).toBe(0o600);
      expect(fs.existsSync(`${db}-wal`)).toBe(true);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(path.join(dataDir, SECRET_KEY_FILE))).toBe(0o600);
      expect(mode(path.join(dataDir, CODE_KEY_FILE))).toBe(0o600);
    } finally {
      await core.close();
    }
  });

  it('tightens a folder and database an older Portier (or Electron) left readable by others', async () => {
    const dataDir = path.join(temp.dir, 'loose');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    const first = await openPortierCore({ dataDir });
    await first.close();
    const db = path.join(dataDir, DATABASE_FILE_NAME);
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(db, 0o644);
    const again = await openPortierCore({ dataDir });
    await again.close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(db)).toBe(0o600);
  });

  it('is created private by the CLI too, and so is a backup of the database', async () => {
    const dataDir = path.join(temp.dir, 'cli-data');
    const sent = await runPortier(['outbox', 'send', '--data-dir', dataDir]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, DATABASE_FILE_NAME))).toBe(0o600);
    const copy = path.join(temp.dir, 'backup.sqlite');
    const backup = await runPortier(['backup', copy, '--data-dir', dataDir]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(mode(copy)).toBe(0o600);
  }, 60_000);
});
