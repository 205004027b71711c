import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { IN_FLIGHT, OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { openPortierCore } from '../../electron/core/portier-core';
import { ADMIN, tempDataDir, setTestPortalUrl } from '../support/core';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const ACCOUNTS = 500;
let temp: ReturnType<typeof tempDataDir>;
let sink: SmtpSink;

beforeAll(async () => {
  temp = tempDataDir('portier-crash-');
  sink = await startSmtpSink();
  const core = await openPortierCore({ dataDir: temp.dir });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  await setTestPortalUrl(core);
  await core.call(admin, 'smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
  const org = await core.call(admin, 'organisations:create', { name: 'Massa BV' });
  const groups = await core.call(admin, 'role-groups:list', {});
  await core.deps.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (let i = 1; i <= ACCOUNTS; i++) {
      const username = `klant${String(i).padStart(3, '0')}@example.nl`;
      const { id } = await trx.insertInto('portal_account').values({ username, username_key: username, language: 'nl', active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('portal_account_link').values({ account_id: id, organisation_id: org.id, person_id: null, is_default: 1 }).execute();
      await trx.insertInto('portal_account_role_group').values({ account_id: id, role_group_id: groups[0]?.id ?? 0 }).execute();
    }
  });
  await core.close();
}, 60_000);
afterAll(async () => {
  await sink.close();
  temp.remove();
});

describe('a crash in the middle of a bulk activation', () => {
  it('loses no mail: after a restart every queued mail is delivered, a duplicate only with the same Message-ID', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/bulk-activation-child.ts'), temp.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // Kill it hard once mails are flowing and activations are still being issued.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (sink.mails.length >= 40 && /activated (1\d\d|2\d\d)\n/.test(output)) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
        if (output.includes('done') || child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the child finished before it could be killed:\n${output}`));
        }
      }, 5);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const activatedBeforeCrash = Number(/activated (\d+)\n(?![\s\S]*activated)/.exec(output)?.[1] ?? 0);
    expect(activatedBeforeCrash).toBeLessThan(ACCOUNTS);

    // Restart: a new process opens the same data folder and works the outbox.
    const core = await openPortierCore({ dataDir: temp.dir });
    const worker = new OutboxWorker({ deps: core.deps, dataDir: temp.dir });
    try {
      await worker.start();
      for (let i = 0; i < 50; i++) {
        const report = await worker.runOnce();
        if (report.sent === 0 && report.retried === 0) break;
      }
      const rows = await core.deps.db.selectFrom('outbox_mail').select(['message_id', 'status', 'secret_enc']).execute();
      const sentAccounts = await core.deps.db.selectFrom('portal_account').select('id').where('activation_sent_at', 'is not', null).execute();
      // Every committed activation has its mail, and nothing else was queued.
      expect(rows).toHaveLength(sentAccounts.length);
      expect(rows.length).toBeGreaterThanOrEqual(activatedBeforeCrash);
      expect(rows.every((r) => r.status === 'sent' && r.secret_enc === null)).toBe(true);
      // Every mail arrived; the only duplicates are resends of the same Message-ID.
      const received = new Map<string, number>();
      for (const m of sink.mails) received.set(m.messageId ?? '', (received.get(m.messageId ?? '') ?? 0) + 1);
      for (const r of rows) expect(received.get(r.message_id), r.message_id).toBeGreaterThanOrEqual(1);
      expect([...received.keys()].every((id) => rows.some((r) => r.message_id === id))).toBe(true);
      // Resent are only mails that were in flight at the kill: claimed and handed to the SMTP
      // thread, not yet recorded as sent. The worker's window bounds them (typically a few dozen).
      console.log(`duplicates after the crash: ${sink.mails.length - received.size}`);
      expect(sink.mails.length - received.size).toBeLessThanOrEqual(IN_FLIGHT);
    } finally {
      await worker.stop();
      await core.close();
    }
  }, 120_000);
});
