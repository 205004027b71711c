import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { isSqliteBusy } from './db/dialect/sqlite';

/** A small SQLite file in the data folder; holding its exclusive lock makes a process the data folder's back office. */
export const BACK_OFFICE_LOCK_FILE = 'back-office.lock';
/** Who holds the lock, for the message a second back office shows (the lock file itself cannot be read while held). */
export const BACK_OFFICE_HOLDER_FILE = 'back-office.json';

/** How the running back office was started. */
export type BackOfficeHow = 'desktop' | 'serve';

export interface BackOfficeHolder {
  pid: number;
  startedAt: string;
  how: BackOfficeHow;
  /** The browser-mode origin (serve), once it listens; never its per-launch key. */
  address?: string;
}

export interface BackOfficeLock {
  /** Tells a second back office where this one listens (the origin only: the key stays with who started it). */
  setAddress(url: string): void;
  release(): void;
}

/** A second back office on the same data folder: the message names the running one. */
export class BackOfficeAlreadyRunning extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: BackOfficeHolder | null,
  ) {
    super(describeRunning(dataDir, holder));
    this.name = 'BackOfficeAlreadyRunning';
  }
}

function describeRunning(dataDir: string, holder: BackOfficeHolder | null): string {
  if (!holder) return `Portier is already running on ${dataDir}; stop it first (one back office per data folder).`;
  const how = holder.how === 'serve' ? `browser mode (serve)${holder.address ? ` at ${holder.address}` : ''}` : 'the desktop app';
  return `Portier is already running on ${dataDir}: ${how}, process ${holder.pid}, started at ${holder.startedAt}. Stop it first, or use that one (one back office per data folder).`;
}

function readHolder(file: string): BackOfficeHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BackOfficeHolder;
  } catch {
    return null;
  }
}

function writeHolder(file: string, holder: BackOfficeHolder): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(holder, null, 2));
  fs.renameSync(temp, file);
}

/**
 * Makes this process the data folder's one back office (desktop or serve), or throws
 * BackOfficeAlreadyRunning. Two back offices on one database would each release the other's
 * mails "in sending" and send them twice. The lock is SQLite's own exclusive file lock on a
 * separate file, held by an open write transaction: the operating system drops it when the
 * process ends in any way (crash, SIGKILL), so it is never left stale.
 */
export function takeBackOfficeLock(dataDir: string, how: BackOfficeHow, options: { nativeBinding?: string } = {}): BackOfficeLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const holderFile = path.join(dataDir, BACK_OFFICE_HOLDER_FILE);
  const lock = new SQLite(path.join(dataDir, BACK_OFFICE_LOCK_FILE), { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (isSqliteBusy(error)) throw new BackOfficeAlreadyRunning(dataDir, readHolder(holderFile));
    throw error;
  }
  const holder: BackOfficeHolder = { pid: process.pid, startedAt: new Date().toISOString(), how };
  writeHolder(holderFile, holder);
  let released = false;
  return {
    setAddress(url) {
      holder.address = new URL(url).origin;
      writeHolder(holderFile, holder);
    },
    release() {
      if (released) return;
      released = true;
      fs.rmSync(holderFile, { force: true });
      lock.close();
    },
  };
}
