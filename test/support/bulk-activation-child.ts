/**
 * A Portier process for the crash test: opens the core on a data folder, runs the outbox
 * worker (sending from its SMTP thread, woken by each call), and activates every portal
 * account in chunks of 100, as the app does. The test
 * kills it with SIGKILL half-way. Usage: node --import tsx bulk-activation-child.ts DATA_DIR
 */
import path from 'node:path';
import { newSessionSlot } from '../../electron/core/auth/session';
import { OutboxWorker, wakeOnOutboxChanges } from '../../electron/core/outbox/outbox-worker';
import { threadedSender } from '../../electron/core/outbox/threaded-sender';
import { openPortierCore } from '../../electron/core/portier-core';
import { ADMIN } from './core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: bulk-activation-child.ts DATA_DIR');
const core = await openPortierCore({ dataDir });
const worker = new OutboxWorker({ deps: core.deps, dataDir, sender: threadedSender(path.resolve('electron/core/outbox/sender-thread.ts')) });
wakeOnOutboxChanges(core, worker);
await worker.start();
const session = newSessionSlot();
await core.call(session, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
const ids = (await core.deps.db.selectFrom('portal_account').select('id').orderBy('id').execute()).map((r) => r.id);
const CHUNK = 100;
for (let i = 0; i < ids.length; i += CHUNK) {
  await core.call(session, 'portal-accounts:send-activation', { ids: ids.slice(i, i + CHUNK) });
  process.stdout.write(`activated ${Math.min(i + CHUNK, ids.length)}\n`);
  // As the app's dialog does between chunks: the event loop breathes, and the worker sends meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 40));
  // The SMTP thread starts with the first mail (compiling itself under tsx), which takes longer
  // than issuing all the chunks now takes: the first mails go out before the next chunk, so the
  // test can kill this process while mails flow and activations are still being issued.
  while (i === 0 && !(await core.deps.db.selectFrom('outbox_mail').select('id').where('status', '=', 'sent').executeTakeFirst())) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
process.stdout.write('done\n');
