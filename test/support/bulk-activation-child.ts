/**
 * A Portier process for the crash test: opens the core on a data folder, runs the outbox
 * worker, and activates every portal account in chunks of 25, as the app does. The test
 * kills it with SIGKILL half-way. Usage: node --import tsx bulk-activation-child.ts DATA_DIR
 */
import { newSessionSlot } from '../../electron/core/auth/session';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { openPortierCore } from '../../electron/core/portier-core';
import { ADMIN } from './core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: bulk-activation-child.ts DATA_DIR');
const core = await openPortierCore({ dataDir });
const worker = new OutboxWorker({ deps: core.deps, dataDir, intervalMs: 20 });
await worker.start();
const session = newSessionSlot();
await core.call(session, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
const ids = (await core.deps.db.selectFrom('portal_account').select('id').orderBy('id').execute()).map((r) => r.id);
for (let i = 0; i < ids.length; i += 25) {
  await core.call(session, 'portal-accounts:send-activation', { ids: ids.slice(i, i + 25) });
  process.stdout.write(`activated ${Math.min(i + 25, ids.length)}\n`);
  // As the app's dialog does between chunks: the event loop breathes, and the worker sends meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 40));
}
process.stdout.write('done\n');
