import { dialectOf } from '../../core/db/dialect/of-database';
import { PostgresSchemaMissingError, stepsWithoutPostgres } from '../../core/db/dialect/postgres';
import { MIGRATIONS } from '../../core/db/migrations';
import { resolveDataDir } from '../../shell/user-data-dir';
import { EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { openPostgresAt, openSqliteIn } from '../open-database';

const HELP = `Usage: npm run portier -- migrate [--data-dir DIR | --database URL]

Brings the database's schema up to this Portier's version and prints the
version before and after. All pending steps run in one transaction, so a
failing step changes nothing. Without --database: portier.sqlite in the data
folder, created when there is none. With --database: a shared office's
PostgreSQL database; an empty one gets Portier's tables, and processes that
start at once migrate one after the other. A database written by a newer
Portier is refused and left untouched (exit code 1).
Portier migrates by itself whenever it opens a database; this command does it
ahead of time: before copy-to, or on the office database before the first
desktop connects.

${DATA_DIR_HELP}`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the database schema up to date (SQLite or PostgreSQL)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('migrate', { args: argv, options: COMMON_OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('migrate', positionals, []);
    const { databaseUrl } = databaseOption(values);
    const opened = databaseUrl === undefined ? openSqliteIn(resolveDataDir(values['data-dir'])) : await openPostgresAt(databaseUrl, 'migrate', '--database');
    try {
      const dialect = dialectOf(opened.db);
      const missing = stepsWithoutPostgres(MIGRATIONS);
      if (dialect.name === 'postgres' && missing.length > 0) throw new PostgresSchemaMissingError(opened.shown, missing);
      const { from, to } = await dialect.migrate(opened.db, MIGRATIONS);
      console.log(from === to ? `${opened.shown}: up to date (schema version ${to}).` : `${opened.shown}: migrated from schema version ${from} to ${to}.`);
    } finally {
      await opened.close();
    }
    return EXIT_OK;
  },
};
