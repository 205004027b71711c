import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite } from '../../core/db/connection';
import { DATABASE_FILE_NAME } from '../../core/portier-core';
import { ensurePrivateFile } from '../../core/private-files';
import { resolveDataDir } from '../../shell/user-data-dir';
import { safeBackupTarget } from '../backup-target';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';

const HELP = `Usage: npm run portier -- backup FILE [--force] [--data-dir DIR]

Writes a consistent copy of the database to FILE (SQLite's VACUUM INTO, one
snapshot); Portier may keep running meanwhile. FILE is written under a
temporary name and renamed into place, so an existing FILE is replaced whole
or not at all. Refuses to overwrite FILE unless --force, and never writes over
the database, its -wal/-shm or the key files of the data folder.

  --force         replace FILE if it exists
${DATA_DIR_HELP}`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database to FILE (a consistent snapshot)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('backup', {
      args: argv,
      options: { ...COMMON_OPTIONS, force: { type: 'boolean', short: 'f' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('backup', positionals, ['FILE']);
    if (databaseOption(values).databaseUrl !== undefined) throw new CliFailure('backup works on SQLite only for now: on PostgreSQL use pg_dump (Portier will call it in a later version).');
    const dataDir = resolveDataDir(values['data-dir']);
    const source = path.join(dataDir, DATABASE_FILE_NAME);
    if (!fs.existsSync(source)) throw new CliFailure(`There is no Portier database at ${source}.`);
    const target = safeBackupTarget(dataDir, positionals[0] as string);
    if (fs.existsSync(target) && !values.force) throw new CliFailure(`${target} already exists; pass --force to replace it.`);

    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      // The copy holds what the database holds (password hashes, encrypted secrets): owner-only, like the original.
      ensurePrivateFile(temp);
      const pages = snapshot(source, temp);
      // A stale -wal beside the old FILE would be replayed into the new copy on its next open.
      // Removed only now, with the new copy complete: until here a failure leaves the old FILE as it was.
      for (const sidecar of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(sidecar, { force: true });
      fs.renameSync(temp, target);
      console.log(`Backup written to ${target} (${pages} pages).`);
    } finally {
      fs.rmSync(temp, { force: true });
    }
    return EXIT_OK;
  },
};

/**
 * VACUUM INTO reads the database in one read transaction: a consistent snapshot even while other
 * processes write (the online backup API restarts on every foreign write and may never finish).
 * The copy is a single file in rollback-journal mode; it is checked before it replaces anything.
 */
function snapshot(source: string, temp: string): number {
  const sqlite = openSqlite(source, { readonly: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
  } finally {
    sqlite.close();
  }
  const copy = new SQLite(temp, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CliFailure(`The copy failed SQLite's integrity check (${String(check)}); nothing was replaced.`);
    return copy.pragma('page_count', { simple: true }) as number;
  } finally {
    copy.close();
  }
}
