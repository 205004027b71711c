import { PortalUrl, TimeZone } from '../../../shared/api/activation-settings';
import { SmtpTls } from '../../../shared/api/outbox';
import type { PortierCore } from '../../core/portier-core';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';
import { readPasswordFromStdin } from '../read-stdin';

const HELP = `Usage: npm run portier -- settings smtp --host HOST --port PORT [--tls starttls|tls|none]
                                      [--user USER] [--sender ADDRESS] [--sender-name NAME] < password.txt
       npm run portier -- settings portal --url URL [--time-zone ZONE]

smtp: sets the mail server the outbox sends through. With --user, the password is read from
standard input (one line); empty input keeps the stored password, but only while host,
port and TLS mode stay the same: a changed server gets no password it was not given.
The password is stored encrypted and never printed.

portal: sets the customer portal's address (an http or https URL without ? or #) that
activation and set-password links start with; until it is set, no activation goes out.
--time-zone sets the company's time zone (IANA name, e.g. Europe/Amsterdam) in which
mails and letters state when links expire; without it, the system's zone is used.

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
  url: { type: 'string' },
  'time-zone': { type: 'string' },
} as const;

/** Sets the portal address (and the time zone, if given), keeping the other activation settings. */
async function setPortal(core: PortierCore, as: string | undefined, url: string, timeZone: string | undefined): Promise<void> {
  const cli = await commandLineAs(core, as);
  const { logo: _logo, ...current } = await cli.call('activation-settings:get', {});
  const saved = await cli.call('activation-settings:update', { ...current, portalUrl: url, ...(timeZone ? { timeZone } : {}) });
  console.log(`Portal address: ${saved.portalUrl}; expiry times in ${saved.timeZone ?? `the system's time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`}.`);
}

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'set the mail server (settings smtp) or the portal address (settings portal)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('settings', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    if (positionals[0] === 'portal' && positionals.length === 1) {
      if (!values.url) throw new UsageError('--url is required, e.g. --url https://portal.example.com/', 'settings');
      if (!PortalUrl.safeParse(values.url).success) throw new UsageError('--url must be an http or https address without ? or #, e.g. https://portal.example.com/', 'settings');
      if (values['time-zone'] !== undefined && !TimeZone.safeParse(values['time-zone']).success) throw new UsageError('--time-zone must be an IANA time zone such as Europe/Amsterdam.', 'settings');
      const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']) });
      try {
        await setPortal(core, values.as, values.url, values['time-zone']);
      } finally {
        await core.close();
      }
      return EXIT_OK;
    }
    if (positionals[0] !== 'smtp' || positionals.length > 1) throw new UsageError('Use: settings smtp --host HOST --port PORT ... or settings portal --url URL', 'settings');
    if (!values.host || !values.port) throw new UsageError('--host and --port are required.', 'settings');
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('--port must be a number from 1 to 65535.', 'settings');
    const tls = SmtpTls.safeParse(values.tls ?? 'starttls');
    if (!tls.success) throw new UsageError('--tls must be starttls, tls or none.', 'settings');
    const password = values.user ? await readPasswordFromStdin() : '';
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']) });
    try {
      const cli = await commandLineAs(core, values.as);
      const saved = await cli.call('smtp:update', {
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
