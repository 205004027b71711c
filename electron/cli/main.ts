import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/errors';
import { DatabaseConnectionError, PostgresSchemaMissingError } from '../core/db/dialect/postgres';
import { DatabaseTooNewError } from '../core/db/migration';
import { CliFailure, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './cli-errors';
import type { Command } from './command';
import { accountsCommand } from './commands/accounts';
import { activateCommand } from './commands/activate';
import { backupCommand } from './commands/backup';
import { checkCommand } from './commands/check';
import { copyToCommand } from './commands/copy-to';
import { importCommand } from './commands/import';
import { lettersCommand } from './commands/letters';
import { migrateCommand } from './commands/migrate';
import { outboxCommand } from './commands/outbox';
import { reportCommand } from './commands/report';
import { settingsCommand } from './commands/settings';
import { seedDemoCommand } from './commands/seed-demo';
import { serveCommand } from './commands/serve';
import { portalCommand } from './commands/portal';
import { ticketsCommand } from './commands/tickets';
import { rightsCommand } from './commands/rights';

const COMMANDS: readonly Command[] = [serveCommand, portalCommand, seedDemoCommand, backupCommand, checkCommand, accountsCommand, importCommand, activateCommand, outboxCommand, settingsCommand, lettersCommand, reportCommand, ticketsCommand, rightsCommand, migrateCommand, copyToCommand];

const HELP = `Usage: npm run portier -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Every command takes --data-dir DIR (or PORTIER_DATA_DIR), --database URL (or
PORTIER_DATABASE_URL: a shared office's PostgreSQL database) and --help.
--json, where a command offers it, prints JSON Lines (https://jsonlines.org): one JSON
object per line, UTF-8, for jq or a script to read line by line.
Exit codes: 0 ok, 1 failure, 2 bad arguments. Output piped into a reader that stops
early (| head -1) ends the command quietly, with exit code 0.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return EXIT_OK;
  }
  if (name === undefined) throw new UsageError('No command given.');
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
  return command.run(rest);
}

/** Messages only: a stack trace helps nobody who runs the CLI (PORTIER_DEBUG=1 shows it). */
function report(error: unknown): number {
  if (error instanceof UsageError) {
    const help = error.command ? `npm run portier -- ${error.command} --help` : 'npm run portier -- --help';
    console.error(`portier: ${error.message}\nSee: ${help}`);
    return EXIT_USAGE;
  }
  if (error instanceof CliFailure || error instanceof AppError || error instanceof DatabaseTooNewError || error instanceof DatabaseConnectionError || error instanceof PostgresSchemaMissingError) {
    console.error(`portier: ${error.message}`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`portier: failed: ${message}`);
  if (process.env.PORTIER_DEBUG === '1' && error instanceof Error) console.error(error.stack);
  return EXIT_FAILURE;
}

/**
 * Runs one CLI invocation and resolves to its exit code, with every error reported as the
 * CLI reports it. The entry point below calls it with the process's arguments; tests call
 * it in-process (test/support/cli.ts), with their own arguments and captured output.
 */
export function run(argv: string[]): Promise<number> {
  return main(argv).catch(report);
}

/** Whether this module is the program (node electron/cli/main.ts, dist/cli/portier.mjs), not imported by a test. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(fs.realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  /**
   * `portier ... | head -1`: the reader went away. Node ignores SIGPIPE and reports EPIPE on
   * stdout instead, as an unhandled error with a stack trace. Stop quietly, as Unix tools
   * killed by SIGPIPE do, with exit 0: the reader got what it asked for. Nothing is left
   * half-done: every change the CLI makes is its own transaction, and SQLite's WAL survives
   * an exit between two of them.
   */
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });

  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
