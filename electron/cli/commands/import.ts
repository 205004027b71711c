import fs from 'node:fs';
import { CsvFileError } from '../../../shared/csv/csv-file-error';
import { decodeCsvBytes } from '../../../shared/csv/csv-text';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { IMPORT_COLUMNS, ImportFileError, importAccounts, reasonText } from '../accounts/account-import';
import { DEFAULT_GROUP } from '../accounts/resolve';
import { commandLineAs } from '../cli-session';
import { CliFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';

const HELP = `Usage: npm run portier -- import accounts FILE.csv [--dry-run] [--as EMAIL]

Creates portal accounts (without passwords) from a CSV file as office software writes
it: UTF-8 (a BOM is fine), UTF-16 with a BOM, or Windows-1252 (said so on stderr);
separated by commas, semicolons or tabs (whichever the header line uses); fields in
double quotes may hold separators, quotes ("") and line breaks; CRLF or LF. The first row names the columns (any order, case-insensitive):
  email         the username (required)
  organisation  id or exact name (required); an ambiguous name rejects the row
  person        a person of that organisation, by id or email (also: person_id, person_email)
  groups        role group names separated by ";" or "," (default: ${DEFAULT_GROUP})
  nickname, language (default, en, nl, de)
Known columns: ${IMPORT_COLUMNS.join(', ')}.

Each row stands alone: good rows are created, bad rows (and rows whose email already
has an account) are rejected and listed with their line number and reason; the rest
is still imported. Fix the rejected rows and import just those again. Exit code 1 if
any row was rejected. --dry-run checks every row and imports nothing. Progress goes
to stderr; the report to stdout.
--as EMAIL: the staff user the audit log records (default: the first administrator).

${DATA_DIR_HELP}`;

/** One report line per row: a value with line breaks or control characters is shown quoted and escaped. */
// eslint-disable-next-line no-control-regex
const shown = (value: string) => (/[\u0000-\u001f]/.test(value) ? JSON.stringify(value) : value);

/** Progress on stderr, so stdout stays the report: one updating line on a terminal, a line per chunk otherwise. */
function progressPrinter(dryRun: boolean) {
  const verb = dryRun ? 'Checked' : 'Imported';
  return ({ done, total }: { done: number; total: number }) => {
    if (total === 0) return;
    const text = `${verb} ${done} of ${total} rows`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${done === total ? '\n' : ''}`);
    else if (done > 0) process.stderr.write(`${text}\n`);
  };
}

const OPTIONS = { ...COMMON_OPTIONS, as: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'import portal accounts from a CSV file (import accounts FILE.csv)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('import', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('import', positionals, ['what to import (accounts)', 'FILE']);
    if (positionals[0] !== 'accounts') throw new UsageError(`Cannot import "${positionals[0] ?? ''}"; only: accounts.`, 'import');
    const file = positionals[1] ?? '';
    if (!fs.existsSync(file)) throw new CliFailure(`There is no file ${file}.`);
    let decoded;
    try {
      decoded = decodeCsvBytes(fs.readFileSync(file));
    } catch (error) {
      if (error instanceof CsvFileError) throw new CliFailure(`${file}: ${error.message}. Nothing was imported.`);
      throw error;
    }
    if (decoded.encoding === 'windows-1252') {
      console.error(`${file}: not UTF-8 from line ${decoded.firstNonUtf8Line}; read as Windows-1252 (as Excel saves "CSV" on Dutch and German Windows).`);
    }
    const text = decoded.text;
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']) });
    try {
      const cli = await commandLineAs(core, values.as);
      const dryRun = values['dry-run'] === true;
      const outcomes = await importAccounts(cli, text, { dryRun, onProgress: progressPrinter(dryRun) }).catch((error: unknown) => {
        if (error instanceof ImportFileError) throw new CliFailure(`${file}: ${error.message}. Nothing was imported.`);
        throw error;
      });
      for (const o of outcomes) {
        if (o.outcome === 'created') console.log(`line ${o.line}: ${dryRun ? 'ok' : 'created'} ${shown(o.email)}${dryRun ? '' : ` (id ${o.accountId})`}`);
        else console.log(`line ${o.line}: rejected ${o.email ? shown(o.email) : '(no email)'}: ${shown(reasonText(o))}`);
      }
      const created = outcomes.filter((o) => o.outcome === 'created').length;
      const rejected = outcomes.length - created;
      console.log(`${created} ${dryRun ? 'would be created' : 'created'}, ${rejected} rejected.`);
      return rejected > 0 ? EXIT_FAILURE : EXIT_OK;
    } finally {
      await core.close();
    }
  },
};
