/**
 * npm run bench (part 3): bulk activation of N portal accounts (tokens, codes, letters,
 * mails rendered and queued, then delivered by the outbox worker) to an SMTP server on
 * the loopback, next to a raw nodemailer pool sending the same N mails to the same server
 * in the same run. Goal (issue 4): within 1.3x. Options: --accounts 10000.
 * Writes bench-results-activation.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { newSessionSlot } from '../electron/core/auth/session';
import { OutboxWorker } from '../electron/core/outbox/outbox-worker';
import { openPortierCore } from '../electron/core/portier-core';

/** An SMTP server that accepts everything and counts what it received. */
async function sink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '10000' } }, strict: true });
  const n = Number(values.accounts);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-activation-'));
  const smtp = await sink();
  const core = await openPortierCore({ dataDir });
  try {
    const admin = newSessionSlot();
    await core.call(admin, 'setup:create-administrator', { name: 'Bench Admin', email: 'bench@example.com', password: 'bench-password-123' });
    await core.call(admin, 'smtp:update', { host: '127.0.0.1', port: smtp.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
    const org = await core.call(admin, 'organisations:create', { name: 'Massa BV', postalCode: '3511 AA', city: 'Utrecht' });
    const groups = await core.call(admin, 'role-groups:list', {});
    await core.deps.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      for (let i = 1; i <= n; i++) {
        const username = `klant${i}@example.nl`;
        const { id } = await trx.insertInto('portal_account').values({ username, username_key: username, language: 'nl', active: 1, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('portal_account_link').values({ account_id: id, organisation_id: org.id, person_id: null, is_default: 1 }).execute();
        await trx.insertInto('portal_account_role_group').values({ account_id: id, role_group_id: groups[0]?.id ?? 0 }).execute();
      }
    });
    const ids = (await core.deps.db.selectFrom('portal_account').select('id').orderBy('id').execute()).map((r) => r.id);

    // The product: activate all (as the dialog does, in chunks), the worker delivers meanwhile and after.
    const worker = new OutboxWorker({ deps: core.deps, dataDir, intervalMs: 50 });
    let t0 = performance.now();
    await worker.start();
    for (let i = 0; i < ids.length; i += 100) await core.call(admin, 'portal-accounts:send-activation', { ids: ids.slice(i, i + 100) });
    const issueMs = performance.now() - t0;
    while (smtp.received() < n) {
      const report = await worker.runOnce();
      if (report.sent === 0 && report.retried === 0 && smtp.received() < n) await new Promise((r) => setTimeout(r, 20));
    }
    const coreMs = performance.now() - t0;
    await worker.stop();

    // The yardstick: the same mails, already rendered, through a raw nodemailer pool.
    const mails = await core.deps.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'html', 'text']).execute();
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true });
    const before = smtp.received();
    t0 = performance.now();
    await Promise.all(mails.map((m) => transport.sendMail({ from: 'portier@example.com', to: m.to_address, subject: m.subject, html: m.html, text: m.text })));
    const rawMs = performance.now() - t0;
    transport.close();
    const result = {
      at: new Date().toISOString(),
      accounts: n,
      delivered: before,
      coreMs,
      issueMs,
      rawMs,
      ratio: coreMs / rawMs,
      corePerSecond: n / (coreMs / 1000),
      rawPerSecond: n / (rawMs / 1000),
      goal: { ratio: 1.3 },
    };
    console.log(`\nBulk activation of ${n.toLocaleString('en')} accounts, delivered to a loopback SMTP server`);
    console.log(`Portier (activate + letters + outbox)  ${coreMs.toFixed(0).padStart(7)} ms  ${result.corePerSecond.toFixed(0).padStart(6)} accounts/s`);
    console.log(`  of which issuing activations         ${issueMs.toFixed(0).padStart(7)} ms`);
    console.log(`raw nodemailer pool (same mails)       ${rawMs.toFixed(0).padStart(7)} ms  ${result.rawPerSecond.toFixed(0).padStart(6)} mails/s`);
    console.log(`ratio ${result.ratio.toFixed(2)} (goal <= 1.3)`);
    fs.writeFileSync('bench-results-activation.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await core.close();
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
