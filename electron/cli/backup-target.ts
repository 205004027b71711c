import fs from 'node:fs';
import path from 'node:path';
import { CODE_KEY_FILE } from '../core/activation/code-key';
import { BACK_OFFICE_HOLDER_FILE, BACK_OFFICE_LOCK_FILE } from '../core/back-office-lock';
import { SECRET_KEY_FILE } from '../core/outbox/secret-box';
import { DATABASE_FILE_NAME } from '../core/portier-core';
import { CliFailure } from './cli-errors';

/** Files of the data folder a backup may never replace: the live database with its sidecars, the keys, the lock. */
export const PROTECTED_DATA_FILES = [
  DATABASE_FILE_NAME,
  `${DATABASE_FILE_NAME}-wal`,
  `${DATABASE_FILE_NAME}-shm`,
  `${DATABASE_FILE_NAME}-journal`,
  SECRET_KEY_FILE,
  CODE_KEY_FILE,
  BACK_OFFICE_LOCK_FILE,
  BACK_OFFICE_HOLDER_FILE,
] as const;

/** The same file on disk, however it was reached (symlink, hard link, other letter case). */
function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/**
 * Where the backup will really be written: the real path of FILE (a symlink is followed, so the
 * file it points to is the one replaced). Refused when that is one of the data folder's own files.
 * Paths are compared as the file system sees them (device + inode) and names without regard to
 * letter case: `--data-dir` may be reached through a symlink, and macOS and Windows ignore case,
 * so `PORTIER.SQLITE` there is the live database. A -wal/-shm that does not exist right now is
 * refused by name, since SQLite creates it at the next write.
 */
export function safeBackupTarget(dataDir: string, requested: string): string {
  const absolute = path.resolve(requested);
  const folder = statOrNull(path.dirname(absolute));
  if (!folder?.isDirectory()) throw new CliFailure(`The folder ${path.dirname(absolute)} does not exist.`);
  const target = path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  // A symlink at FILE itself: the file it names (existing or not) is the one a rename must replace.
  const real = fs.existsSync(target) ? fs.realpathSync(target) : target;
  const existing = statOrNull(real);
  if (existing?.isDirectory()) throw new CliFailure(`${requested} is a folder; name a file to write the backup to.`);

  const dataFolder = statOrNull(dataDir);
  const inDataFolder = dataFolder !== null && sameFile(dataFolder, fs.statSync(path.dirname(real)));
  const name = path.basename(real).toLowerCase();
  const byName = inDataFolder && PROTECTED_DATA_FILES.some((file) => file.toLowerCase() === name);
  const byIdentity = existing !== null && PROTECTED_DATA_FILES.some((file) => {
    const stats = statOrNull(path.join(dataDir, file));
    return stats !== null && sameFile(stats, existing);
  });
  if (byName || byIdentity) {
    throw new CliFailure(`${requested} is ${path.basename(real)} of the Portier data folder itself; write the backup somewhere else.`);
  }
  return real;
}
