import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER, type QueuedMail } from '../../electron/core/outbox/outbox-port';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { decodeQuotedPrintable, startSmtpSink, smtpReply, type SmtpSink } from '../support/smtp-sink';
import { startTestCore, type TestCore } from '../support/core';

/** The outbox against a real SMTP server on the loopback, with a clock the test moves. */
let t: TestCore;
let sink: SmtpSink | null;
let now: Date;
let worker: OutboxWorker;

const SECRET = 'tok-7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e';
const mail = (over: Partial<QueuedMail> = {}): QueuedMail => ({
  kind: 'activation',
  to: 'customer@example.com',
  subject: 'Activate your account',
  html: `<p>Open https://portal.example.com/activate/${SECRET_MARKER}</p>`,
  text: `Open https://portal.example.com/activate/${SECRET_MARKER}`,
  accountId: null,
  secret: { value: SECRET, expiresAt: new Date(now.getTime() + 14 * 86_400_000).toISOString() },
  ...over,
});

async function queue(m: QueuedMail = mail()): Promise<number> {
  return outboxQueue(t.core.deps.secretBox)(t.core.deps.db, m, now);
}
const row = (id: number) => t.core.deps.db.selectFrom('outbox_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function useSink(onRcpt?: (address: string) => Error | null): Promise<SmtpSink> {
  sink = await startSmtpSink(onRcpt ? { onRcpt } : {});
  await t.call('smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
  return sink;
}

beforeEach(async () => {
  now = new Date();
  t = await startTestCore({ clock: () => now });
  sink = null;
  worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, random: () => 0.5 });
});
afterEach(async () => {
  await worker.stop();
  await sink?.close();
  await t.close();
});

describe('the outbox worker', () => {
  it('delivers a queued mail with its Message-ID and the secret put in, then scrubs the secret', async () => {
    const s = await useSink();
    const id = await queue();
    expect((await row(id)).secret_enc).not.toBeNull();
    const report = await worker.runOnce();
    expect(report).toMatchObject({ smtpConfigured: true, sent: 1, retried: 0, failed: 0 });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, secret_enc: null, last_error: null });
    expect(s.mails).toHaveLength(1);
    expect(s.mails[0]?.messageId).toBe(sent.message_id);
    expect(s.mails[0]?.body).toContain(SECRET);
    expect(s.mails[0]?.body).not.toContain(SECRET_MARKER);
    expect(s.mails[0]?.to).toEqual(['customer@example.com']);
  });

  it('retries a 4xx reply later with backoff, then sends', async () => {
    let refuse = true;
    const s = await useSink(() => (refuse ? smtpReply(451, 'Greylisted, try again later') : null));
    const id = await queue();
    expect(await worker.runOnce()).toMatchObject({ retried: 1, sent: 0 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.last_error).toContain('451');
    expect(waiting.secret_enc).not.toBeNull();
    expect(Date.parse(waiting.next_attempt_at)).toBeGreaterThan(now.getTime());
    // Not due yet: nothing happens.
    expect(await worker.runOnce()).toMatchObject({ retried: 0, sent: 0 });
    refuse = false;
    now = new Date(Date.parse(waiting.next_attempt_at) + 1);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(s.mails.map((m) => m.messageId)).toEqual([waiting.message_id]);
  });

  it('fails a 5xx reply at once, once, keeping the error', async () => {
    const s = await useSink(() => smtpReply(550, 'No such mailbox'));
    const id = await queue();
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/550.*No such mailbox/);
    now = new Date(now.getTime() + 86_400_000);
    expect(await worker.runOnce()).toMatchObject({ failed: 0, sent: 0, retried: 0 });
    expect(s.mails).toHaveLength(0);
  });

  it('retries when the server cannot be reached, and staff can retry a failed mail at once', async () => {
    const s = await useSink();
    await s.close();
    sink = null;
    const id = await queue();
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    sink = await startSmtpSink({ onRcpt: () => smtpReply(550, 'Mailbox unavailable') });
    await t.call('smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', senderAddress: 'portier@example.com' });
    await t.call('outbox:retry', { id });
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await t.call('outbox:retry', { id })).toMatchObject({ status: 'queued', lastError: null });
    const audit = await t.call('audit:list', { entity: 'mail', entityId: id, limit: 5 });
    expect(audit.rows.map((r) => r.action)).toEqual(['retried', 'retried']);
    expect(audit.rows[0]?.after).toMatchObject({ to: 'customer@example.com' });
  });

  it("resends a mail a crash left in 'sending' with the same Message-ID", async () => {
    const s = await useSink();
    const id = await queue();
    const before = await row(id);
    // The state a crash mid-send leaves: claimed, lease still running.
    await t.core.deps.db
      .updateTable('outbox_mail')
      .set({ status: 'sending', next_attempt_at: new Date(now.getTime() + 300_000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    await worker.start(); // a fresh process owns the outbox: the leftover is due at once
    await worker.stop();
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', message_id: before.message_id });
    expect(s.mails.map((m) => m.messageId)).toEqual([before.message_id]);
  });

  it('fails a mail whose secret expired before it could be sent, and scrubs the secret', async () => {
    const s = await useSink();
    const id = await queue(mail({ secret: { value: SECRET, expiresAt: new Date(now.getTime() + 1000).toISOString() } }));
    now = new Date(now.getTime() + 2000);
    expect(await worker.runOnce()).toMatchObject({ expired: 1, sent: 0 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', secret_enc: null });
    expect(failed.last_error).toMatch(/expired/);
    expect(s.mails).toHaveLength(0);
    const refused = await t.core.invoke(t.admin, 'outbox:retry', { id });
    expect(refused.ok).toBe(false);
  });

  it('without SMTP keeps mails queued and writes each once as an .eml file, its link masked', async () => {
    const id = await queue();
    expect(await worker.runOnce()).toMatchObject({ smtpConfigured: false, emlWritten: 1, sent: 0 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waiting.eml_written_at).not.toBeNull();
    const dir = path.join(t.core.dataDir, 'outbox');
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = decodeQuotedPrintable(fs.readFileSync(path.join(dir, files[0] ?? ''), 'utf8'));
    expect(eml).toContain(`Message-ID: ${waiting.message_id}`);
    // The token stays only encrypted in the outbox row: a file outlives the mail and its link.
    expect(eml).not.toContain(SECRET);
    // decodeQuotedPrintable leaves the bytes as latin1 characters: read them as UTF-8 for the mask.
    expect(Buffer.from(eml, 'latin1').toString('utf8')).toContain('https://portal.example.com/activate/••••••');
    expect(fs.statSync(path.join(dir, files[0] ?? '')).mode & 0o777).toBe(0o600);
    expect(await worker.runOnce()).toMatchObject({ emlWritten: 0 });
    expect(fs.readdirSync(dir)).toHaveLength(1);
    const list = await t.call('outbox:list', { status: 'queued' });
    expect(list).toMatchObject({ total: 1, smtpConfigured: false });
    // Once a server is set up, the mail goes out with the real link, and no file ever held it.
    const s = await useSink();
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(s.mails[0]?.body).toContain(`https://portal.example.com/activate/${SECRET}`);
    for (const file of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toContain(SECRET);
  });

  it('previews a mail with the secret masked, and cancels a queued one', async () => {
    const id = await queue();
    const preview = await t.call('outbox:get', { id });
    expect(preview.text).toContain('••••••');
    expect(JSON.stringify(preview)).not.toContain(SECRET);
    expect(JSON.stringify(preview)).not.toContain(SECRET_MARKER);
    expect(await t.call('outbox:cancel', { id })).toMatchObject({ status: 'cancelled' });
    expect((await row(id)).secret_enc).toBeNull();
  });
});
