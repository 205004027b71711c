import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { SECRET_MARKER, type QueuedMail } from '../../electron/core/outbox/outbox-port';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { claimDue } from '../../electron/core/outbox/outbox-repository';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { ADMIN, tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Issue 13: several processes send the outbox of one PostgreSQL database (two desktops, the
 * portal), each a child process with its own lease owner, to a real SMTP server. The database is
 * this file's own, so it runs once (vitest.config.ts, SQLITE_ONLY). The processes share one data
 * folder; the key that encrypts the mails' secrets is the office database's either way
 * (office-keys-shared.test.ts runs processes with folders of their own).
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const CHILD = path.resolve('test/support/outbox-worker-child.ts');
const MAILS = 2_000;

let database: ThrowawayDatabase;
let data: ReturnType<typeof tempDataDir>;
let core: PortierCore;
let sink: SmtpSink;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!pgUp) return;
  sink = await startSmtpSink();
  data = tempDataDir('portier-outbox-pg-');
  database = await throwawayDatabase();
  core = await openPortierCore({ dataDir: data.dir, databaseUrl: database.url });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  await core.call(admin, 'smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
}, 60_000);
afterAll(async () => {
  if (!pgUp) return;
  await core.close();
  await sink.close();
  await database.drop();
  data.remove();
});
beforeEach(async () => {
  if (!pgUp) return;
  sink.mails.length = 0;
  await core.deps.db.deleteFrom('outbox_mail').execute();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(stopChild));
});

const mail = (i: number): QueuedMail => ({
  kind: 'activation',
  to: `klant${i}@example.nl`,
  subject: `Activeer uw account ${i}`,
  html: `<p>https://portal.example.com/activate/${SECRET_MARKER}</p>`,
  text: `https://portal.example.com/activate/${SECRET_MARKER}`,
  accountId: null,
  secret: { value: `tok-${i}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
});

/** Queues the mails in one transaction, through the outbox's own queue; their Message-IDs. */
async function queueMails(count: number): Promise<string[]> {
  const put = outboxQueue(core.deps.secretBox);
  await core.deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    for (let i = 0; i < count; i += 1) await put(trx, mail(i), now);
  });
  return (await core.deps.db.selectFrom('outbox_mail').select('message_id').execute()).map((r) => r.message_id);
}

/** A worker process, once it has started; its lease owner. */
async function startChild(leaseMs: number, batchSize: number): Promise<{ child: ChildProcess; owner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, data.dir, database.url, String(leaseMs), String(batchSize)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(`[worker ${child.pid}] ${c.toString()}`));
  const owner = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`the worker process ended (${code}) before it was ready:\n${output}`)));
  });
  return { child, owner };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function until(done: () => boolean | Promise<boolean>, what: string, ms = 75_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const unsent = async () => Number((await core.deps.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow()).n);

/** How often each Message-ID reached the SMTP server. */
function receivedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of sink.mails) counts.set(m.messageId ?? '(none)', (counts.get(m.messageId ?? '(none)') ?? 0) + 1);
  return counts;
}

describe('the outbox of one PostgreSQL database, sent by several processes', () => {
  it.skipIf(!pgUp)(`claims with SKIP LOCKED: a claim passes over the rows another transaction is claiming instead of waiting for it${skip}`, async () => {
    await queueMails(10);
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    await core.deps.db.transaction().execute(async (trx) => {
      const first = await claimDue(trx, now, later, 4, 'first');
      // The first claim is not committed: its rows stay locked while the second claims.
      const second = await Promise.race([claimDue(core.deps.db, now, later, 10, 'second'), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000))]);
      expect(second).not.toBe('waited');
      const ids = (rows: typeof first) => rows.map((r) => r.id);
      expect(ids(first)).toHaveLength(4);
      expect(second === 'waited' ? [] : ids(second)).toHaveLength(6);
      expect(new Set([...ids(first), ...(second === 'waited' ? [] : ids(second))]).size).toBe(10);
    });
  });

  it.skipIf(!pgUp)(`two worker processes over ${MAILS} mails deliver each exactly once${skip}`, async () => {
    // Both in the back office's role (two desktops): the role alone does not make them one owner.
    const [a, b] = await Promise.all([startChild(300_000, 200), startChild(300_000, 200)]);
    expect(a.owner).not.toBe(b.owner);
    const queued = await queueMails(MAILS);
    await until(async () => (await unsent()) === 0, 'every mail is sent');
    // Both processes sent a share: their owners are on the sent rows.
    const owners = await core.deps.db.selectFrom('outbox_mail').select('lease_owner').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('lease_owner').execute();
    expect(owners.map((o) => o.lease_owner).sort()).toEqual([a.owner, b.owner].sort());
    expect(owners.every((o) => o.n > 0)).toBe(true);
    const counts = receivedCounts();
    expect(sink.mails).toHaveLength(MAILS);
    expect([...counts.keys()].sort()).toEqual([...queued].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await core.deps.db.selectFrom('outbox_mail').select(['status', 'secret_enc', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'sent' && r.secret_enc === null && r.attempts === 1)).toBe(true);
  }, 90_000);

  it.skipIf(!pgUp)(`a worker killed with SIGKILL mid-run loses nothing: its leases run out and are taken over, a resend keeps its Message-ID${skip}`, async () => {
    // A short lease, so the test need not wait minutes; windows of 40 mails are sent well within it.
    const LEASE_MS = 5_000;
    const [victim, survivor] = await Promise.all([startChild(LEASE_MS, 40), startChild(LEASE_MS, 40)]);
    const queued = await queueMails(MAILS);
    await until(() => sink.mails.length >= MAILS / 5, 'mails are flowing');
    const died = new Promise((resolve) => victim.child.once('exit', resolve));
    victim.child.kill('SIGKILL');
    await died;
    // What the victim held: claimed, perhaps sent, never recorded.
    const orphaned = await core.deps.db.selectFrom('outbox_mail').select(['id', 'message_id']).where('status', '=', 'sending').where('lease_owner', '=', victim.owner).execute();
    expect(orphaned.length).toBeGreaterThan(0);
    // It restarts as a new process (a new owner): its start frees nothing of the survivor's.
    const restarted = await startChild(LEASE_MS, 40);
    expect([victim.owner, survivor.owner]).not.toContain(restarted.owner);
    await until(async () => (await unsent()) === 0, 'every mail is sent');
    const taken = await core.deps.db.selectFrom('outbox_mail').select(['lease_owner', 'status']).where('id', 'in', orphaned.map((r) => r.id)).execute();
    expect(taken.every((r) => r.status === 'sent' && r.lease_owner !== victim.owner)).toBe(true);
    // Every mail arrived; a mail arrived twice only if the victim held it when it died.
    const counts = receivedCounts();
    expect([...counts.keys()].sort()).toEqual([...queued].sort());
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const heldByVictim = new Set(orphaned.map((r) => r.message_id));
    expect(twice.filter((id) => !heldByVictim.has(id))).toEqual([]);
    expect([...counts.values()].every((n) => n <= 2)).toBe(true);
    const rows = await core.deps.db.selectFrom('outbox_mail').select(['status', 'secret_enc']).execute();
    expect(rows.every((r) => r.status === 'sent' && r.secret_enc === null)).toBe(true);
  }, 90_000);
});
