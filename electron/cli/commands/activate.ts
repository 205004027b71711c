import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { readPasswordFromStdin } from '../read-stdin';

const HELP = `Usage: npm run portier -- activate --token=TOKEN --code CODE [--data-dir DIR] < password.txt

The customer's side of an activation, for trying the whole loop without a browser:
the token from the activation mail's link, the code from the letter, and the new
password on standard input (one line; nothing is echoed or stored in the shell history).
Any bad token or code answers the same: "not valid (any more)"; five wrong codes
end the token. A token may begin with a dash: write it as --token=TOKEN.

${DATA_DIR_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, token: { type: 'string' }, code: { type: 'string' } } as const;

export const activateCommand: Command = {
  name: 'activate',
  summary: 'activate a portal account with the mailed token, the letter code and a password (stdin)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('activate', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('activate', positionals, []);
    if (!values.token) throw new UsageError('--token is required (the part after "token=" in the activation link).', 'activate');
    if (!values.code) throw new UsageError('--code is required (from the activation letter).', 'activate');
    const password = await readPasswordFromStdin();
    if (password === '') throw new UsageError('Give the new password on standard input.', 'activate');
    const dataDir = resolveDataDir(values['data-dir']);
    const core = await openPortierCore({ ...databaseOption(values), dataDir });
    try {
      // The portal's activation, through the command line's dispatcher: the same service, the same welcome mail.
      const account = await (await commandLineAs(core)).call('portal-accounts:complete-activation', { token: values.token, code: values.code, password });
      console.log(`Activated portal account ${account.username} (id ${account.id}).`);
    } finally {
      await core.close();
    }
    return EXIT_OK;
  },
};
