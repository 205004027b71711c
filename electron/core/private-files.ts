import fs from 'node:fs';

/**
 * The data folder holds the database, the key files, .eml files and letters: secrets of one
 * user. It is made (or tightened to) owner-only, so other accounts on the machine cannot
 * even list it; umask 022 would otherwise leave it world-readable. Only group and other
 * bits are taken away, never the owner's. Windows has no such modes (ACLs of the user
 * profile apply there), so this is a no-op in effect.
 */
export function ensurePrivateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir);
}

/**
 * Creates the file empty if missing, readable and writable only by its owner, and tightens
 * an existing one. SQLite gives its -wal and -shm files the database file's mode, so
 * making the database 0600 before SQLite opens it covers those too.
 */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  tighten(file);
}

function tighten(target: string): void {
  const mode = fs.statSync(target).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    fs.chmodSync(target, mode & 0o700);
  } catch (error) {
    // Only the owner may chmod: a folder another user set up and shared on purpose (group
    // access) stays as they made it rather than locking Portier out of its data.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
