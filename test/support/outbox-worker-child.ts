/**
 * One more Portier process on a shared PostgreSQL database, as a second desktop or the portal is:
 * it works the outbox in the back office's role (sending from its SMTP thread, as the shells do)
 * until SIGTERM, or until the test kills it. Prints "ready OWNER" once the worker has started
 * (OWNER: its lease owner), and what goes wrong on stderr.
 * Usage: node --import tsx outbox-worker-child.ts DATA_DIR DATABASE_URL LEASE_MS BATCH_SIZE
 */
import path from 'node:path';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { threadedSender } from '../../electron/core/outbox/threaded-sender';
import { openPortierCore } from '../../electron/core/portier-core';

const [dataDir, databaseUrl, leaseMs, batchSize] = process.argv.slice(2);
if (!dataDir || !databaseUrl || !leaseMs || !batchSize) throw new Error('usage: outbox-worker-child.ts DATA_DIR DATABASE_URL LEASE_MS BATCH_SIZE');
const core = await openPortierCore({ dataDir, databaseUrl });
const worker = new OutboxWorker({
  deps: core.deps,
  dataDir,
  sender: threadedSender(path.resolve('electron/core/outbox/sender-thread.ts')),
  intervalMs: 50,
  leaseMs: Number(leaseMs),
  batchSize: Number(batchSize),
  onError: (error) => process.stderr.write(`outbox: ${String(error)}\n`),
});
await worker.start();
process.stdout.write(`ready ${worker.leaseOwner}\n`);

async function stop(): Promise<void> {
  await worker.stop();
  await core.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
// Never outlive a test that died without stopping it.
setTimeout(() => void stop(), 120_000);
