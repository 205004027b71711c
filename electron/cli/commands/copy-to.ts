import fs from 'node:fs';
import path from 'node:path';
import { copyDatabase, copyEndOf, CopyMismatch, CopyRefused, type TableComparison } from '../../core/db/copy/copy-database';
import { checkSourceVersion, prepareTarget } from '../../core/db/copy/copy-schema-version';
import { DATABASE_FILE_NAME } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { progressPrinter } from '../copy-progress';
import { copyKeyFiles, KEY_FILES } from '../key-files';
import { openPostgresAt, openSqliteIn, type OpenedDatabase } from '../open-database';
import type { Executor } from '../../core/db/connection';
import { carryDeskKeys, writeDeskKeys } from '../../core/office-keys/carry-keys';
import { readOperatorKeyFile } from '../../core/office-keys/office-key-material';
import { deskKeys, loadOfficeKeys } from '../../core/office-keys/office-keys';
import { readOfficeKeyMaterial } from '../../core/office-keys/office-key-repository';

const HELP = `Usage: npm run portier -- copy-to --to URL [--data-dir DIR]
       npm run portier -- copy-to --database URL --to-data-dir DIR

Moves a desk's data into a shared office's PostgreSQL database, or back: every
row of every table of Portier's schema, ids and all.

  --to URL           copy portier.sqlite of the data folder into the PostgreSQL
                     database at URL
  --to-data-dir DIR  copy the PostgreSQL database of --database (or
                     $PORTIER_DATABASE_URL) into a new portier.sqlite in DIR,
                     with the key files of the data folder (--data-dir)

The target must be empty: a database without tables gets Portier's schema
first; one with rows, with another schema version or with other tables is
refused and left as it was. The source must have this Portier's schema version
(run migrate first); it is read in one snapshot and may stay in use. The target
is written in one transaction, so a copy that fails leaves it empty. Every
table is then read back and compared with the source, by row count and by a
checksum over every row; the table of results is printed, and any difference
is an error (exit code 1) that leaves the target empty. No id the source handed
out is handed out again by the target. Progress of large tables goes to stderr.
Secrets in the data are encrypted with the data folder's key files
(${KEY_FILES.join(', ')}): every desktop and portal on the office
database needs copies of them.

${DATA_DIR_HELP}`;

const count = new Intl.NumberFormat('en-US');

/** The result as a table: one line per table, its rows, the start of its checksum, whether both sides agree. */
function printComparison(tables: readonly TableComparison[]): void {
  const width = Math.max(5, ...tables.map((t) => t.table.length));
  const both = (a: string, b: string) => (a === b ? a : `${a} / ${b}`);
  console.log(`${'table'.padEnd(width)}  ${'rows'.padStart(9)}  ${'checksum'.padEnd(16)}  match`);
  for (const t of tables) {
    const rows = both(count.format(t.source.rows), count.format(t.target.rows));
    const checksum = both(t.source.checksum.slice(0, 16), t.target.checksum.slice(0, 16));
    console.log(`${t.table.padEnd(width)}  ${rows.padStart(9)}  ${checksum.padEnd(16)}  ${t.matches ? 'yes' : 'NO'}`);
  }
}

/** PORTIER_OFFICE_KEY_FILE: the operator's key that seals the office database's keys, if the office uses one. */
const operatorKey = (): Buffer | null => {
  const file = process.env.PORTIER_OFFICE_KEY_FILE;
  return file ? readOperatorKeyFile(file) : null;
};

interface Plan {
  open(): Promise<{ source: OpenedDatabase; openTarget: () => Promise<OpenedDatabase> }>;
  /** Run after a successful copy, with both databases still open: the keys, and what the user needs to know about them. */
  after(source: OpenedDatabase, target: OpenedDatabase): Promise<string[]>;
  /** Run after a failed copy: take away what this command created. */
  undo(): void;
}

function planToPostgres(url: string, dataDir: string): Plan {
  return {
    async open() {
      if (!fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))) throw new CliFailure(`There is no Portier database at ${path.join(dataDir, DATABASE_FILE_NAME)}.`);
      return { source: openSqliteIn(dataDir, { readonly: true }), openTarget: () => openPostgresAt(url, 'copy-to', '--to') };
    },
    // The copied secrets and code hashes were made under the desk's keys: they become the office's
    // (kept in the office database, where every desktop and the portal find them).
    async after(_source, target) {
      await carryDeskKeys(target.db as unknown as Executor, deskKeys(dataDir), operatorKey(), new Date());
      return [`The keys of ${dataDir} (${KEY_FILES.join(', ')}) are now the office's, kept in ${target.shown}: every desktop and the portal on it use them.`];
    },
    undo: () => undefined,
  };
}

function planToSqlite(url: string, targetDir: string, keysFrom: string): Plan {
  const file = path.join(targetDir, DATABASE_FILE_NAME);
  const isNew = !fs.existsSync(file);
  return {
    async open() {
      return { source: await openPostgresAt(url, 'copy-to', '--database'), openTarget: () => Promise.resolve(openSqliteIn(targetDir)) };
    },
    // The office's keys (in its database) become the desk's key files; an office database no core
    // has opened yet has none, and then the key files of --data-dir go along, as before.
    async after(source) {
      const db = source.db as unknown as Executor;
      if ((await readOfficeKeyMaterial(db)).size === 0) return copyKeyFiles(keysFrom, targetDir);
      writeDeskKeys(targetDir, await loadOfficeKeys(db, operatorKey(), new Date()));
      return [`The office's keys were written to ${targetDir} (${KEY_FILES.join(', ')}).`];
    },
    undo() {
      if (isNew) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

function planOf(values: { to?: string | undefined; 'to-data-dir'?: string | undefined; 'data-dir'?: string | undefined; database?: string | undefined }): Plan {
  const { to, 'to-data-dir': toDataDir } = values;
  if (to !== undefined && toDataDir !== undefined) throw new UsageError('Give either --to URL (into PostgreSQL) or --to-data-dir DIR (back into SQLite), not both.', 'copy-to');
  if (to !== undefined) {
    if (values.database !== undefined) throw new UsageError("--to copies the data folder's SQLite database; --database names a PostgreSQL source, for --to-data-dir.", 'copy-to');
    return planToPostgres(to, resolveDataDir(values['data-dir']));
  }
  if (toDataDir !== undefined) {
    const { databaseUrl } = databaseOption(values);
    if (databaseUrl === undefined) throw new UsageError('--to-data-dir copies a PostgreSQL database: give it with --database URL (or PORTIER_DATABASE_URL).', 'copy-to');
    return planToSqlite(databaseUrl, path.resolve(toDataDir), resolveDataDir(values['data-dir']));
  }
  throw new UsageError('Say where to copy to: --to URL (into PostgreSQL) or --to-data-dir DIR (back into SQLite).', 'copy-to');
}

export const copyToCommand: Command = {
  name: 'copy-to',
  summary: "copy a desk's SQLite data into an empty PostgreSQL database, or back",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('copy-to', {
      args: argv,
      options: { ...COMMON_OPTIONS, to: { type: 'string' }, 'to-data-dir': { type: 'string' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('copy-to', positionals, []);
    const plan = planOf(values);
    const { source, openTarget } = await plan.open();
    let target: OpenedDatabase | undefined;
    let copied = false;
    try {
      const sourceEnd = copyEndOf(source.db);
      await checkSourceVersion(sourceEnd, source.shown);
      target = await openTarget();
      const targetEnd = copyEndOf(target.db);
      const created = await prepareTarget(targetEnd, target.shown);
      if (created) console.log(`${target.shown}: created Portier's schema.`);
      const tables = await copyDatabase(sourceEnd, targetEnd, { onProgress: progressPrinter() });
      copied = true;
      printComparison(tables);
      const rows = tables.reduce((sum, t) => sum + t.target.rows, 0);
      console.log(`Copied ${count.format(rows)} rows in ${tables.length} tables from ${source.shown} to ${target.shown}; every table matches.`);
      for (const line of await plan.after(source, target)) console.log(line);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof CopyMismatch) printComparison(error.tables);
      if (error instanceof CopyRefused || error instanceof CopyMismatch) throw new CliFailure(error.message);
      throw error;
    } finally {
      await source.close();
      await target?.close();
      if (!copied) plan.undo();
    }
  },
};
