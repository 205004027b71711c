import { SmtpTls } from '../../../shared/api/outbox';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { localAdministratorSession } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, parseCommandArgs, type Command } from '../command';
import { readPasswordFromStdin } from '../read-stdin';

const HELP = `Usage: npm run portier -- settings smtp --host HOST --port PORT [--tls starttls|tls|none]
                                      [--user USER] [--sender ADDRESS] [--sender-name NAME] < password.txt

Sets the mail server the outbox sends through. With --user, the password is read from
standard input (one line); empty input keeps the stored password, but only while host,
port and TLS mode stay the same: a changed server gets no password it was not given.
The password is stored encrypted and never printed.

${DATA_DIR_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  tls: { type: 'string' },
  user: { type: 'string' },
  sender: { type: 'string' },
  'sender-name': { type: 'string' },
} as const;

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'set the mail server (settings smtp)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('settings', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    if (positionals[0] !== 'smtp' || positionals.length > 1) throw new UsageError('Use: settings smtp --host HOST --port PORT ...', 'settings');
    if (!values.host || !values.port) throw new UsageError('--host and --port are required.', 'settings');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port must be a number from 1 to 65535.', 'settings');
    const tls = SmtpTls.safeParse(values.tls ?? 'starttls');
    if (!tls.success) throw new UsageError('--tls must be starttls, tls or none.', 'settings');
    const password = values.user ? await readPasswordFromStdin() : '';
    const core = await openPortierCore({ dataDir: resolveDataDir(values['data-dir']) });
    try {
      const session = await localAdministratorSession(core, values.as);
      const saved = await core.call(session, 'smtp:update', {
        host: values.host,
        port,
        tls: tls.data,
        user: values.user ?? null,
        ...(values.user && password !== '' ? { password } : {}),
        senderAddress: values.sender ?? `portier@${values.host}`,
        senderName: values['sender-name'] ?? '',
      });
      console.log(`Mail server: ${saved.host}:${saved.port} (${saved.tls}), user ${saved.user ?? 'none'}, password ${saved.passwordSet ? 'stored' : 'none'}, sender ${saved.senderName ? `${saved.senderName} <${saved.senderAddress}>` : saved.senderAddress}.`);
    } finally {
      await core.close();
    }
    return EXIT_OK;
  },
};
