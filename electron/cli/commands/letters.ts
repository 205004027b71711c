import fs from 'node:fs';
import path from 'node:path';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';

const HELP = `Usage: npm run portier -- letters --pending --out FILE.pdf [--force]

Writes the activation letters still to be posted — the newest letter of every account
whose invitation is open — into one PDF, ordered by postal code. Refuses to overwrite FILE
unless --force. Opening letters is audited (they hold activation codes).

${DATA_DIR_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, as: { type: 'string' }, pending: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' } } as const;

export const lettersCommand: Command = {
  name: 'letters',
  summary: 'write pending activation letters into one PDF',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('letters', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`, 'letters');
    if (!values.pending) throw new UsageError('Say which letters: --pending.', 'letters');
    if (!values.out) throw new UsageError('--out FILE.pdf is required.', 'letters');
    const out = path.resolve(values.out);
    if (fs.existsSync(out) && !values.force) throw new CliFailure(`${out} exists; use --force to overwrite it.`);
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']), resourcesDir: path.join(projectRoot(), 'resources') });
    try {
      const cli = await commandLineAs(core, values.as);
      const { ids } = await cli.call('documents:pending-letters', {});
      if (ids.length === 0) {
        console.log('No pending activation letters.');
        return EXIT_OK;
      }
      const file = await cli.call('documents:letters-pdf', { ids });
      fs.writeFileSync(out, Buffer.from(file.base64, 'base64'), { mode: 0o600 });
      console.log(`${ids.length} letter${ids.length === 1 ? '' : 's'} written to ${out}.`);
    } finally {
      await core.close();
    }
    return EXIT_OK;
  },
};
