import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite } from '../../core/db/connection';
import { chooseDatabase, redactDatabaseUrl } from '../../core/db/dialect/database-url';
import { describePostgres, SCHEMA_VERSION_TABLE } from '../../core/db/dialect/postgres';
import { DATABASE_FILE_NAME } from '../../core/portier-core';
import { ensurePrivateFile } from '../../core/private-files';
import { resolveDataDir } from '../../shell/user-data-dir';
import { safeBackupTarget } from '../backup-target';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { dumpPostgres, requirePgDump, sizeText } from '../postgres-backup';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';

const HELP = `Usage: npm run portier -- backup FILE [--force] [--data-dir DIR] [--database URL]

Writes a consistent copy of the database to FILE; Portier may keep running
meanwhile. FILE is written under a temporary name, readable by its owner only,
and renamed into place, so an existing FILE is replaced whole or not at all.
Refuses to overwrite FILE unless --force, and never writes over the database,
its -wal/-shm or the key files of the data folder.

SQLite (the data folder): SQLite's VACUUM INTO, one snapshot, checked with
integrity_check before it replaces anything.

PostgreSQL (--database URL, or PORTIER_DATABASE_URL): pg_dump in its custom
format (-Fc), one snapshot while the office keeps working. pg_dump comes with
PostgreSQL's client tools (Debian and Ubuntu: sudo apt-get install
postgresql-client) and must be of the server's major version or newer. The
URL's password reaches pg_dump through its environment (PGPASSWORD), never its
command line. To restore, into a new empty database owned by Portier's role:
  createdb --owner=portier portier_restored      (as a role that may create databases)
  pg_restore --no-owner --role=portier --single-transaction \\
    --dbname=postgres://portier@HOST:5432/portier_restored FILE
then give Portier that database's URL. (pg_restore --list FILE shows what a dump holds.)

On SQLite the key files of the data folder (portier.key, portier-code.key) are
not in the database: keep a copy of them with the backup. Without them a
restored database cannot decrypt the SMTP password or check activation codes
sent out. On PostgreSQL the office's keys are in the database, and so in the
dump; sealed under PORTIER_OFFICE_KEY_FILE when one is given: keep a copy of
that file apart from the dumps.

  --force         replace FILE if it exists
${DATA_DIR_HELP}`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database to FILE (a consistent snapshot; pg_dump on PostgreSQL)',
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
    const { databaseUrl } = databaseOption(values);
    const dataDir = resolveDataDir(values['data-dir']);
    if (databaseUrl === undefined) {
      const source = path.join(dataDir, DATABASE_FILE_NAME);
      if (!fs.existsSync(source)) throw new CliFailure(`There is no Portier database at ${source}.`);
    }
    const target = safeBackupTarget(dataDir, positionals[0] as string);
    if (fs.existsSync(target) && !values.force) throw new CliFailure(`${target} already exists; pass --force to replace it.`);
    return databaseUrl === undefined ? backupSqlite(path.join(dataDir, DATABASE_FILE_NAME), target) : backupPostgres(databaseUrl, target);
  },
};

/** Writes the complete copy under a temporary name beside `target` and renames it into place; `write` fills the (owner-only) temporary file and says what it wrote. */
async function replaceWhole(target: string, write: (temp: string) => Promise<string>): Promise<number> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    // The copy holds what the database holds (password hashes, encrypted secrets): owner-only, like the original.
    ensurePrivateFile(temp);
    const what = await write(temp);
    fs.renameSync(temp, target);
    console.log(`Backup written to ${target} (${what}).`);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return EXIT_OK;
}

function backupSqlite(source: string, target: string): Promise<number> {
  return replaceWhole(target, (temp) => {
    const pages = snapshot(source, temp);
    // A stale -wal beside the old FILE would be replayed into the new copy on its next open.
    // Removed only now, with the new copy complete: until here a failure leaves the old FILE as it was.
    for (const sidecar of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(sidecar, { force: true });
    return Promise.resolve(`${pages} pages`);
  });
}

/**
 * pg_dump must be there (said before connecting), the URL must name a Portier database (a
 * mistyped database name would otherwise give a valid, empty dump), then pg_dump writes the copy.
 */
async function backupPostgres(url: string, target: string): Promise<number> {
  const choice = chooseDatabase(url);
  if (choice.kind !== 'postgres') throw new CliFailure(`backup needs a postgres:// URL, not ${redactDatabaseUrl(url)}.`);
  const pgDump = requirePgDump();
  const { schemaVersion } = await describePostgres(choice.url);
  if (schemaVersion === null) throw new CliFailure(`There is no Portier database at ${redactDatabaseUrl(choice.url)} (no ${SCHEMA_VERSION_TABLE} table); no backup was written.`);
  return replaceWhole(target, async (temp) => {
    await dumpPostgres(pgDump, choice.url, temp);
    return `${sizeText(fs.statSync(temp).size)}: pg_dump's custom format of ${redactDatabaseUrl(choice.url)}, schema version ${schemaVersion}; restore it with pg_restore, see backup --help`;
  });
}

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
