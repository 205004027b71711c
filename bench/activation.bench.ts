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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { DEFAULT_ACTIVATION_SETTINGS } from '../shared/api/activation-settings';
import { newSessionSlot } from '../electron/core/auth/session';
import { OutboxWorker, wakeOnOutboxChanges } from '../electron/core/outbox/outbox-worker';
import { openPortierCore } from '../electron/core/portier-core';
import { threadedSender } from '../electron/core/outbox/threaded-sender';

/** The app sends from a thread of its own (see threaded-sender.ts); from source here. */
const SENDER_THREAD = fileURLToPath(new URL('../electron/core/outbox/sender-thread.ts', import.meta.url));

/** An SMTP server that accepts everything and counts what it received, in its own thread (see smtp-sink-thread.ts). */
async function sink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  const counter = new SharedArrayBuffer(4);
  const received = new Int32Array(counter);
  const script = pathToFileURL(fileURLToPath(new URL('smtp-sink-thread.ts', import.meta.url))).href;
  const thread = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, { eval: true, workerData: { counter } });
  const port = await new Promise<number>((resolve, reject) => {
    thread.once('message', (m: { port: number }) => resolve(m.port));
    thread.once('error', reject);
  });
  return {
    port,
    received: () => Atomics.load(received, 0),
    close: async () => {
      thread.postMessage('close');
      await new Promise((resolve) => thread.once('exit', resolve));
    },
  };
}

/** Accounts per call, as the Activate dialog sends them. */
const CHUNK = 100;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { accounts: { type: 'string', default: '10000' } }, strict: true });
  const n = Number(values.accounts);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-activation-'));
  const smtp = await sink();
  const core = await openPortierCore({ dataDir });
  try {
    const admin = newSessionSlot();
    await core.call(admin, 'setup:create-administrator', { name: 'Bench Admin', email: 'bench@example.com', password: 'Quiet-Harbour-2026' });
    // Activations are refused while the portal address is unset (issue 9, point 16).
    await core.call(admin, 'activation-settings:update', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/' });
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

    // The product, as the dialog drives it: chunks of 100, each a call of its own (the IPC round
    // trip is a macrotask here too); the worker is woken by each call and sends meanwhile.
    const worker = new OutboxWorker({ deps: core.deps, dataDir, intervalMs: 5_000, sender: threadedSender(SENDER_THREAD) });
    wakeOnOutboxChanges(core, worker);
    let t0 = performance.now();
    await worker.start();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await core.call(admin, 'portal-accounts:send-activation', { ids: ids.slice(i, i + CHUNK) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const issueMs = performance.now() - t0;
    const deliveredWhileIssuing = smtp.received();
    while (smtp.received() < n) await new Promise((resolve) => setTimeout(resolve, 2));
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
    console.log(`  of which issuing activations         ${issueMs.toFixed(0).padStart(7)} ms (${deliveredWhileIssuing} delivered meanwhile)`);
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
