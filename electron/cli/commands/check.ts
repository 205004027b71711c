import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../core/db/connection';
import { chooseDatabase, redactDatabaseUrl } from '../../core/db/dialect/database-url';
import { describePostgres } from '../../core/db/dialect/postgres';
import { describeClockOffset } from '../../core/db/dialect/postgres-clock';
import { DatabaseTooNewError } from '../../core/db/migration';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrations';
import { DATABASE_FILE_NAME } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_FAILURE, EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';

const HELP = `Usage: npm run portier -- check [--data-dir DIR | --database URL]

Checks the database read-only: SQLite's integrity and foreign key checks.
Prints "ok" (exit code 0) or each problem found (exit code 1). A database
written by a newer Portier is refused and left untouched. With --database
(PostgreSQL): connects and prints the server's version,
whether Portier's schema is there yet, and how far the server's clock
is from this computer's (exit code 1 from 30 s apart: the desks of an
office judge each other's mail leases and jobs by their clocks).

${DATA_DIR_HELP}`;

interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/** Finds what is wrong with a Portier database file without changing it; an empty list means healthy. */
export function checkDatabase(file: string): string[] {
  // Read-only: check must never change a database, least of all one from a newer Portier.
  const sqlite = openSqlite(file, { readonly: true });
  try {
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION);
    const problems: string[] = [];
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
    const foreignKeys = sqlite.pragma('foreign_key_check') as ForeignKeyProblem[];
    for (const row of foreignKeys) {
      problems.push(`foreign key: ${row.table} row ${row.rowid ?? '?'} refers to a missing ${row.parent} row`);
    }
    return problems;
  } finally {
    sqlite.close();
  }
}

/** The connection and the server's version; the schema's state (there is none to check on PostgreSQL yet). */
async function checkPostgres(url: string): Promise<number> {
  const choice = chooseDatabase(url);
  if (choice.kind !== 'postgres') return EXIT_FAILURE;
  const { server, schemaVersion, clockOffsetMs } = await describePostgres(choice.url);
  console.log(`connected: ${redactDatabaseUrl(choice.url)}`);
  console.log(`server: ${server}`);
  console.log(schemaVersion === null ? 'schema: not there yet (the first Portier to open it, or migrate, makes it)' : `schema: version ${schemaVersion}`);
  const clock = describeClockOffset(clockOffsetMs);
  console.log(clock.text);
  return clock.problem ? EXIT_FAILURE : EXIT_OK;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the database (integrity and foreign keys); prints ok',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('check', { args: argv, options: COMMON_OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('check', positionals, []);
    const { databaseUrl } = databaseOption(values);
    if (databaseUrl !== undefined) return checkPostgres(databaseUrl);
    const file = path.join(resolveDataDir(values['data-dir']), DATABASE_FILE_NAME);
    if (!fs.existsSync(file)) throw new CliFailure(`There is no Portier database at ${file}.`);
    const problems = checkDatabase(file);
    if (problems.length === 0) {
      console.log('ok');
      return EXIT_OK;
    }
    for (const problem of problems) console.log(problem);
    return EXIT_FAILURE;
  },
};
