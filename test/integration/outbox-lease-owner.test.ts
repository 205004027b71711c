import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER, type QueuedMail } from '../../electron/core/outbox/outbox-port';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { claimDue } from '../../electron/core/outbox/outbox-repository';
import { BACK_OFFICE_OUTBOX_OWNER, OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { pooledSender, type MailSenderFactory } from '../../electron/core/outbox/mail-sender';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestCore, type TestCore } from '../support/core';
import { onPostgres } from '../support/test-database';

/**
 * Two senders on one database (SQLite, or PostgreSQL in project "postgres"), each with its own
 * connection, as the back office and the customer portal are: every mail reaches the real SMTP
 * server exactly once.
 */
const PORTAL = 'portal';
let t: TestCore;
let portal: PortierCore;
let sink: SmtpSink;
const workers: OutboxWorker[] = [];

const mail = (i: number): QueuedMail => ({
  kind: 'activation',
  to: `customer${i}@example.com`,
  subject: `Activate your account ${i}`,
  html: `<p>Open https://portal.example.com/activate/${SECRET_MARKER}</p>`,
  text: `Open https://portal.example.com/activate/${SECRET_MARKER}`,
  accountId: null,
  secret: { value: `tok-${i}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
});

async function queue(count: number): Promise<void> {
  const put = outboxQueue(t.core.deps.secretBox);
  for (let i = 0; i < count; i += 1) await put(t.core.deps.db, mail(i), new Date());
}

/** A real SMTP pool that takes its time per mail, so leases are in flight while the other process acts. */
const slowSender =
  (ms: number): MailSenderFactory =>
  (conn) => {
    const pool = pooledSender(conn);
    return { send: async (message) => (await new Promise((resolve) => setTimeout(resolve, ms)), pool.send(message)), close: () => pool.close() };
  };
/** A process that claimed its mails and then died: its sends never end. */
const deadSender: MailSenderFactory = () => ({ send: () => new Promise(() => undefined), close: () => undefined });

function worker(core: PortierCore, ownerId: string, sender: MailSenderFactory, batchSize = 20, leaseMs?: number): OutboxWorker {
  const w = new OutboxWorker({ deps: core.deps, dataDir: core.dataDir, ownerId, sender, batchSize, intervalMs: 50, ...(leaseMs ? { leaseMs } : {}) });
  workers.push(w);
  return w;
}

const statuses = async () => (await t.core.deps.db.selectFrom('outbox_mail').select('status').execute()).map((r) => r.status);
const until = async (done: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const messageIdsSentTwice = () => {
  const ids = sink.mails.map((m) => m.messageId);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
};

beforeEach(async () => {
  t = await startTestCore();
  sink = await startSmtpSink();
  await t.call('smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
  portal = await openPortierCore({ dataDir: t.core.dataDir, ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}) });
});
afterEach(async () => {
  // The dead sender's worker never finishes its run: stopping it would wait forever.
  await Promise.all(workers.splice(0).map((w) => Promise.race([w.stop(), new Promise((resolve) => setTimeout(resolve, 200))])));
  await sink.close();
  await portal.close();
  await t.close();
});

describe('outbox leases carry an owner', () => {
  it('two workers with different owners, one restarting while the other sends, never send a mail twice', async () => {
    await queue(120);
    const backOffice = worker(t.core, BACK_OFFICE_OUTBOX_OWNER, slowSender(200));
    const backOfficeRun = backOffice.runOnce();
    // The portal claims a batch and dies holding it. On SQLite its restart frees them at once; on
    // PostgreSQL the restarted portal is a new owner and takes them over when this lease runs out.
    void worker(portal, PORTAL, deadSender, 10, 3_000).runOnce();
    await until(() => sink.mails.length >= 10);
    // The portal restarts while the back office has mails in flight: it frees only its own, and
    // claims every due mail at once (a batch of 200), so a freed back-office mail would be sent again.
    const restarted = worker(portal, PORTAL, slowSender(5), 200);
    // The back office has mails in flight (claimed, not yet recorded as sent).
    expect(await t.core.deps.db.selectFrom('outbox_mail').select('id').where('status', '=', 'sending').where('lease_owner', '=', backOffice.leaseOwner).execute()).not.toEqual([]);
    await restarted.start();
    await backOfficeRun;
    await until(async () => (await statuses()).every((s) => s === 'sent'));
    expect(messageIdsSentTwice()).toEqual([]);
    expect(sink.mails).toHaveLength(120);
  }, 40_000);

  it('a restarting worker frees its own and expired leases, never another owner’s live one', async () => {
    await queue(6);
    const { db } = t.core.deps;
    const now = new Date();
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
    // On SQLite the back office's owner is its role, the same after a restart; on PostgreSQL it
    // is this process's own (a new process is a new owner: outbox-two-workers.test.ts).
    const restarted = worker(t.core, BACK_OFFICE_OUTBOX_OWNER, pooledSender);
    expect(restarted.leaseOwner).toEqual(onPostgres ? expect.stringMatching(/^back-office@/) : BACK_OFFICE_OUTBOX_OWNER);
    // Two mails each: the back office's (from before its crash), the portal's live lease, the portal's expired lease.
    await claimDue(db, now.toISOString(), iso(600_000), 2, restarted.leaseOwner);
    const live = await claimDue(db, now.toISOString(), iso(600_000), 2, PORTAL);
    await claimDue(db, now.toISOString(), iso(-1), 2, PORTAL);
    await restarted.start();
    await until(() => sink.mails.length >= 4);
    await restarted.stop();
    const rows = await db.selectFrom('outbox_mail').select(['id', 'status', 'lease_owner', 'next_attempt_at']).orderBy('id').execute();
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.id)).toEqual([1, 2, 5, 6]);
    expect(rows.filter((r) => r.status === 'sending')).toEqual(live.map((r) => ({ id: r.id, status: 'sending', lease_owner: PORTAL, next_attempt_at: iso(600_000) })));
    expect(messageIdsSentTwice()).toEqual([]);
    expect(sink.mails).toHaveLength(4);
  });
});
