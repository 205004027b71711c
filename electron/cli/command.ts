import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors';

/** One CLI command: its help text and what it does with the arguments after its name. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Resolves to the exit code. */
  run(argv: string[]): Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  database: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export const DATA_DIR_HELP =
  '  --data-dir DIR  the folder holding portier.sqlite (default: $PORTIER_DATA_DIR, else the desktop app\'s per-user folder)\n' +
  '  --database URL  a shared office\'s PostgreSQL database, postgres://user@host:5432/db (default: $PORTIER_DATABASE_URL,\n' +
  '                  else portier.sqlite in the data folder)\n' +
  '                  $PORTIER_OFFICE_KEY_FILE: on PostgreSQL, the key file that seals the office\'s keys (README)\n' +
  '  -h, --help      show this help';

/**
 * The core's database option from --database, else PORTIER_DATABASE_URL; neither: SQLite in the
 * data folder. On PostgreSQL also the operator's key file that seals the office's keys, if any.
 */
export function databaseOption(values: { database?: string | undefined }): { databaseUrl?: string; officeKeyFile?: string } {
  const url = values.database ?? process.env.PORTIER_DATABASE_URL;
  if (url === undefined || url === '') return {};
  const officeKeyFile = process.env.PORTIER_OFFICE_KEY_FILE;
  return { databaseUrl: url, ...(officeKeyFile ? { officeKeyFile } : {}) };
}

/**
 * node:util parseArgs in strict mode, with its errors turned into a UsageError
 * (exit code 2) that names the command.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({ ...config, strict: true });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message, command);
    }
    throw error;
  }
}

/** Refuses more or fewer positionals than a command takes. */
export function expectPositionals(command: string, positionals: string[], names: readonly string[]): void {
  if (positionals.length > names.length) {
    throw new UsageError(`Unexpected argument "${positionals[names.length]}".`, command);
  }
  if (positionals.length < names.length) throw new UsageError(`Missing ${names[positionals.length]}.`, command);
}
