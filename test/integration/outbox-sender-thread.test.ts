import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { OutboxWorker, wakeOnOutboxChanges } from '../../electron/core/outbox/outbox-worker';
import { threadedSender } from '../../electron/core/outbox/threaded-sender';
import { startTestCore, type TestCore } from '../support/core';
import { startSmtpSink, smtpReply, type SmtpSink } from '../support/smtp-sink';

/** The outbox with its SMTP side in a worker thread (as the desktop app and `serve` run it), against a real SMTP server. */
const SENDER_THREAD = path.resolve('electron/core/outbox/sender-thread.ts');
const BUILT_THREAD = path.resolve('dist/main/sender-thread.cjs');
const SECRET = 'tok-3c9e1a7f5b2d4e6a8c0f1b3d5e7a9c2e';

let t: TestCore;
let sink: SmtpSink | null = null;
let worker: OutboxWorker;

async function useSink(onRcpt?: (address: string) => Error | null): Promise<SmtpSink> {
  const started = await startSmtpSink(onRcpt ? { onRcpt } : {});
  sink = started;
  await t.call('smtp:update', { host: '127.0.0.1', port: started.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
  return started;
}

function queue(to: string): Promise<number> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  return outboxQueue(t.core.deps.secretBox)(
    t.core.deps.db,
    { kind: 'activation', to, subject: 'Activate', html: `<p>https://portal.example.com/activate?token=${SECRET_MARKER}</p>`, text: `https://portal.example.com/activate?token=${SECRET_MARKER}`, accountId: null, secret: { value: SECRET, expiresAt } },
    new Date(),
  );
}
const statusOf = async (id: number) => (await t.core.deps.db.selectFrom('outbox_mail').select(['status', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow()).status;

async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  t = await startTestCore();
  worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, sender: threadedSender(SENDER_THREAD), random: () => 0.5 });
});
afterEach(async () => {
  await worker.stop();
  await sink?.close();
  sink = null;
  await t.close();
});

describe('the outbox sending from its SMTP thread', () => {
  it('delivers with the Message-ID and the secret put in; a 5xx fails at once and a 4xx is retried, judged across the thread', async () => {
    const s = await useSink((address) => (address.startsWith('gone') ? smtpReply(550, 'No such mailbox') : address.startsWith('busy') ? smtpReply(451, 'Try again later') : null));
    const ok = await queue('customer@example.com');
    const gone = await queue('gone@example.com');
    const busy = await queue('busy@example.com');
    expect(await worker.runOnce()).toMatchObject({ sent: 1, failed: 1, retried: 1 });
    expect(await statusOf(ok)).toBe('sent');
    expect(s.mails).toHaveLength(1);
    expect(s.mails[0]?.body).toContain(SECRET);
    const sentRow = await t.core.deps.db.selectFrom('outbox_mail').select('message_id').where('id', '=', ok).executeTakeFirstOrThrow();
    expect(s.mails[0]?.messageId).toBe(sentRow.message_id);
    const failed = await t.core.deps.db.selectFrom('outbox_mail').select(['status', 'last_error']).where('id', '=', gone).executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toMatch(/550.*No such mailbox/);
    expect(await statusOf(busy)).toBe('queued');
  });

  it('sends 300 mails in one run, recording them all as sent', async () => {
    const s = await useSink();
    const ids = [];
    for (let i = 0; i < 300; i++) ids.push(await queue(`customer${i}@example.com`));
    expect(await worker.runOnce()).toMatchObject({ sent: 300, failed: 0, retried: 0 });
    expect(ids).toHaveLength(300);
    expect(s.mails).toHaveLength(300);
    expect(new Set(s.mails.map((m) => m.messageId)).size).toBe(300);
    const sent = await t.core.deps.db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    expect(sent.n).toBe(300);
  });

  it('is woken by a call that queues mail instead of waiting for its next round', async () => {
    const s = await useSink();
    const slow = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, sender: threadedSender(SENDER_THREAD), intervalMs: 3_600_000 });
    const stopWaking = wakeOnOutboxChanges(t.core, slow);
    try {
      await slow.start();
      await slow.runOnce(); // the start's first round is over; the next one is an hour away
      const org = await t.call('organisations:create', { name: 'Wekker BV' });
      const groups = await t.call('role-groups:list', {});
      const account = await t.call('portal-accounts:create', { username: 'wakker@example.com', links: [{ organisationId: org.id, personId: null, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
      expect(s.mails).toHaveLength(0);
      await t.call('portal-accounts:send-activation', { ids: [account.id] });
      await until(() => s.mails.length === 1);
      expect(s.mails[0]?.to).toEqual(['wakker@example.com']);
    } finally {
      stopWaking();
      await slow.stop();
    }
  });

  // npm test builds before it runs Vitest; run alone without a build, this says why it did not run.
  it.skipIf(!fs.existsSync(BUILT_THREAD))(`also sends from the built thread the app and npm start use (${fs.existsSync(BUILT_THREAD) ? 'dist/main/sender-thread.cjs' : 'skipped: no build, run npm run build first'})`, async () => {
    const s = await useSink();
    const built = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, sender: threadedSender(BUILT_THREAD) });
    try {
      await queue('built@example.com');
      expect(await built.runOnce()).toMatchObject({ sent: 1 });
      expect(s.mails[0]?.body).toContain(SECRET);
    } finally {
      await built.stop();
    }
  });

  it('treats a sender thread that died as a network error: the mail waits for a retry', async () => {
    await useSink();
    const broken = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, sender: threadedSender(path.resolve('test/support/no-such-thread.cjs')), random: () => 0.5 });
    try {
      const id = await queue('customer@example.com');
      expect(await broken.runOnce()).toMatchObject({ sent: 0, retried: 1 });
      expect(await statusOf(id)).toBe('queued');
    } finally {
      await broken.stop();
    }
  });
});

describe('the core telling the shells what changed', () => {
  it('names the domains a successful call changed, and nothing for a refused call', async () => {
    const seen: (readonly string[])[] = [];
    const stop = t.core.onChanged((domains) => seen.push(domains));
    await t.call('organisations:create', { name: 'Gemeld BV' });
    await expect(t.call('organisations:create', { name: '' })).rejects.toThrow();
    stop();
    await t.call('organisations:create', { name: 'Niet gemeld BV' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('organisations');
  });
});
