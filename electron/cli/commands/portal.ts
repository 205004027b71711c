import path from 'node:path';
import { InvitationSweep } from '../../core/account-index/invitation-sweep';
import { OutboxWorker, wakeOnOutboxChanges } from '../../core/outbox/outbox-worker';
import { threadedSender } from '../../core/outbox/threaded-sender';
import { openPortierCore } from '../../core/portier-core';
import { startPortalServer } from '../../portal/portal-server';
import { resolveDataDir } from '../../shell/user-data-dir';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';
import { logInternalError, senderThreadScript, templateThreadScript, untilStopped } from '../serving';

const HELP = `Usage: npm run portier -- portal [--port N] [--host ADDRESS] [--public-url URL] [--trust-proxy] [--data-dir DIR]

Serves the customer portal: the pages the activation mail, the letter's QR code
and the set-password link lead to, sign-in with two-step login, and the
customers' tickets. It shares the data folder (and so the database) with the
back office and may run beside it; it also sends the outbox (each process sends
only the mails it claimed). Runs until Ctrl+C (SIGINT) or SIGTERM.

  --port N           port to listen on (default 8080; 0: a free port)
  --host ADDRESS     address to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --public-url URL   the address customers use, e.g. https://portal.example.com
                     (https:// makes the session cookie Secure and __Host- prefixed)
  --trust-proxy      behind a reverse proxy: believe its X-Forwarded-* headers
${DATA_DIR_HELP}`;

/**
 * The portal's outbox owner: its leases are its own, so a crash of the portal leaves the back
 * office's mails alone (and the other way round); a restarted portal takes its own back at once.
 */
const PORTAL_OUTBOX_OWNER = 'portal';

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`, 'portal');
  return port;
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--public-url must be an address such as https://portal.example.com, not "${value}".`, 'portal');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--public-url must start with https:// (or http://), not "${value}".`, 'portal');
  return url.origin;
}

export const portalCommand: Command = {
  name: 'portal',
  summary: 'run the customer portal (activation, sign-in, tickets)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('portal', {
      args: argv,
      options: { ...COMMON_OPTIONS, port: { type: 'string', short: 'p' }, host: { type: 'string' }, 'public-url': { type: 'string' }, 'trust-proxy': { type: 'boolean' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('portal', positionals, []);
    const port = parsePort(values.port);
    const publicUrl = parsePublicUrl(values['public-url']);
    const dataDir = resolveDataDir(values['data-dir']);
    const resourcesDir = path.join(projectRoot(), 'resources');
    const core = await openPortierCore({ ...databaseOption(values), dataDir, resourcesDir, templateThread: templateThreadScript(), onError: logInternalError });
    // Leases are per process: the back office's worker and this one never send the same mail.
    const outbox = new OutboxWorker({ deps: core.deps, dataDir: core.dataDir, sender: threadedSender(senderThreadScript()), ownerId: PORTAL_OUTBOX_OWNER, onError: (error) => logInternalError('outbox', error) });
    wakeOnOutboxChanges(core, outbox);
    // A portal on a server may run without any back office: it keeps the invitation stages in step too (two sweeps do no harm).
    const invitationSweep = new InvitationSweep({ deps: core.deps, onError: (error) => logInternalError('invitation-sweep', error) });
    try {
      await outbox.start();
      invitationSweep.start();
      const server = await startPortalServer({
        core,
        resourcesDir,
        ...(publicUrl ? { publicUrl } : {}),
        trustProxy: values['trust-proxy'] === true,
        host: values.host ?? '127.0.0.1',
        port,
        onError: (error) => logInternalError('portal', error),
      });
      console.log(`The customer portal is running at ${server.url}${publicUrl ? ` (customers use ${publicUrl})` : ''}`);
      await untilStopped();
      await server.close();
    } finally {
      await outbox.stop();
      await invitationSweep.stop();
      await core.close();
    }
    return EXIT_OK;
  },
};
