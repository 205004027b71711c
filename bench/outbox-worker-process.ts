/**
 * The activation bench on PostgreSQL (activation.bench.ts --database): one more Portier process on
 * the shared database, as a second desktop or the portal is, working the outbox as the shells do:
 * the outbox worker in the back office's role, sending from its SMTP thread, woken when another
 * process queues mail (LISTEN/NOTIFY) and every 5 s otherwise. Prints "ready" once it works,
 * what goes wrong on stderr, and stops on SIGTERM (or after an hour, should the bench have died).
 * Usage: node --import tsx bench/outbox-worker-process.ts DATA_DIR DATABASE_URL
 */
import { fileURLToPath } from 'node:url';
import { OutboxWorker, wakeOnOutboxChanges } from '../electron/core/outbox/outbox-worker';
import { threadedSender } from '../electron/core/outbox/threaded-sender';
import { openPortierCore } from '../electron/core/portier-core';

const [dataDir, databaseUrl] = process.argv.slice(2);
if (!dataDir || !databaseUrl) throw new Error('usage: outbox-worker-process.ts DATA_DIR DATABASE_URL');
const core = await openPortierCore({ dataDir, databaseUrl });
const worker = new OutboxWorker({
  deps: core.deps,
  dataDir,
  intervalMs: 5_000,
  sender: threadedSender(fileURLToPath(new URL('../electron/core/outbox/sender-thread.ts', import.meta.url))),
  onError: (error) => process.stderr.write(`outbox: ${String(error)}\n`),
});
wakeOnOutboxChanges(core, worker);
await worker.start();
process.stdout.write(`ready ${worker.leaseOwner}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await core.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
setTimeout(() => void stop(), 3_600_000).unref();
