import fs from 'node:fs';
import path from 'node:path';
import { BackOfficeAlreadyRunning, takeBackOfficeLock, type BackOfficeLock } from '../../core/back-office-lock';
import { OutboxWorker, wakeOnOutboxChanges } from '../../core/outbox/outbox-worker';
import { InvitationSweep } from '../../core/account-index/invitation-sweep';
import { threadedSender } from '../../core/outbox/threaded-sender';
import { openPortierCore } from '../../core/portier-core';
import { keyFileSecretBox } from '../../core/outbox/secret-box';
import { RememberedDatabaseUnavailable, openSwitchingCore, type SwitchingCore } from '../../core/office-database/switching-core';
import { startBrowserServer } from '../../server/browser-server';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';
import { logInternalError, senderThreadScript, templateThreadScript, untilStopped } from '../serving';

const HELP = `Usage: npm run portier -- serve [--port N] [--data-dir DIR] [--database URL]

Serves the built renderer and Portier's contract on 127.0.0.1 (browser mode)
and prints the address to open, which carries a per-launch key. Runs until
Ctrl+C (SIGINT) or SIGTERM. One back office (serve or the desktop app) runs per
data folder: a second one refuses to start and names the running one.

The database: --database (or PORTIER_DATABASE_URL) if given, else the office
database an administrator chose on the "Connect to an office database" screen
(remembered in the data folder), else this desk's own SQLite database. A choice
made on that screen re-opens the database in this process, at the same address;
everyone signs in again.

  --port N        port on 127.0.0.1 (default 0: a free port)
${DATA_DIR_HELP}`;

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`, 'serve');
  return port;
}


export const serveCommand: Command = {
  name: 'serve',
  summary: 'run Portier in the browser on 127.0.0.1 (browser mode)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('serve', {
      args: argv,
      options: { ...COMMON_OPTIONS, port: { type: 'string', short: 'p' } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('serve', positionals, []);
    const port = parsePort(values.port);
    const rendererDir = path.join(projectRoot(), 'dist', 'renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      throw new CliFailure(`The renderer is not built (${path.join(rendererDir, 'index.html')} is missing): run npm run build first.`);
    }
    const dataDir = resolveDataDir(values['data-dir']);
    const lock = backOfficeLock(dataDir);
    try {
      // The remembered office database (the connect screen's choice) unless --database says otherwise;
      // switching from the screen re-opens the core in this process, behind the same address.
      const back = await openBackOffice(dataDir, databaseOption(values).databaseUrl);
      try {
        const server = await startBrowserServer({ core: back, rendererDir, port, onError: (error) => logInternalError('http', error) });
        lock.setAddress(server.url);
        console.log(`Portier is running at ${server.url}`);
        await untilStopped();
        await server.close();
      } finally {
        await back.close();
      }
    } finally {
      lock.release();
    }
    return EXIT_OK;
  },
};

/**
 * The core on the chosen database, with the outbox worker (mails are sent by the process that
 * serves the app; without SMTP settings they wait, and are written as .eml) and the invitation
 * sweep beside it; both follow the core when the connect screen switches databases.
 */
async function openBackOffice(dataDir: string, commandLineUrl: string | undefined): Promise<SwitchingCore> {
  const secretBox = keyFileSecretBox(dataDir);
  try {
    return await openSwitchingCore({
      dataDir,
      secretBox,
      commandLineUrl,
      onError: (error) => logInternalError('close', error),
      open: async (database) => {
        const core = await openPortierCore({ ...database, dataDir, secretBox, resourcesDir: path.join(projectRoot(), 'resources'), templateThread: templateThreadScript(), onError: logInternalError });
        const outbox = new OutboxWorker({ deps: core.deps, dataDir: core.dataDir, sender: threadedSender(senderThreadScript()), onError: (error) => logInternalError('outbox', error) });
        wakeOnOutboxChanges(core, outbox);
        // Keeps the search index's invitation stages in step with the clock (the list is exact without it, and faster with it).
        const invitationSweep = new InvitationSweep({ deps: core.deps, onError: (error) => logInternalError('invitation-sweep', error) });
        try {
          await outbox.start();
          invitationSweep.start();
        } catch (error) {
          await outbox.stop().catch(() => undefined);
          await core.close();
          throw error;
        }
        return {
          core,
          stop: async () => {
            await outbox.stop();
            await invitationSweep.stop();
            await core.close();
          },
        };
      },
    });
  } catch (error) {
    if (error instanceof RememberedDatabaseUnavailable) throw new CliFailure(error.message);
    throw error;
  }
}

/** One back office per data folder: a second serve (or the desktop app) would send the outbox twice. */
function backOfficeLock(dataDir: string): BackOfficeLock {
  try {
    return takeBackOfficeLock(dataDir, 'serve');
  } catch (error) {
    if (error instanceof BackOfficeAlreadyRunning) throw new CliFailure(error.message);
    throw error;
  }
}
