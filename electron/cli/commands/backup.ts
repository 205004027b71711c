import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../core/db/connection';
import { DATABASE_FILE_NAME } from '../../core/portier-core';
import { ensurePrivateFile } from '../../core/private-files';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, expectPositionals, parseCommandArgs, type Command } from '../command';

const HELP = `Usage: npm run portier -- backup FILE [--force] [--data-dir DIR]

Writes a consistent copy of the database to FILE with SQLite's online backup;
Portier may keep running meanwhile. Refuses to overwrite FILE unless --force.

  --force         replace FILE if it exists
${DATA_DIR_HELP}`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database to FILE (SQLite online backup)',
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
    const source = path.join(resolveDataDir(values['data-dir']), DATABASE_FILE_NAME);
    const target = path.resolve(positionals[0] as string);
    if (!fs.existsSync(source)) throw new CliFailure(`There is no Portier database at ${source}.`);
    if (path.resolve(source) === target) throw new CliFailure('The backup file cannot be the database itself.');
    if (!fs.existsSync(path.dirname(target))) throw new CliFailure(`The folder ${path.dirname(target)} does not exist.`);
    if (fs.existsSync(target)) {
      if (!values.force) throw new CliFailure(`${target} already exists; pass --force to replace it.`);
      // A stale -wal next to the old file would be replayed into the new copy.
      for (const file of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(file, { force: true });
    }

    // The copy holds what the database holds (password hashes, encrypted secrets): owner-only, like the original.
    ensurePrivateFile(target);
    const sqlite = openSqlite(source, { readonly: true });
    try {
      const { totalPages } = await sqlite.backup(target);
      console.log(`Backup written to ${target} (${totalPages} pages).`);
    } finally {
      sqlite.close();
    }
    return EXIT_OK;
  },
};
