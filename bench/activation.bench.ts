/**
 * npm run bench (part 3): bulk activation of N portal accounts (tokens, codes, letters,
 * mails rendered and queued, then delivered by the outbox worker) to an SMTP server on
 * the loopback, next to a raw nodemailer pool sending the same N mails to the same server
 * in the same run. Goal (issue 4): within 1.3x. Options: --accounts 10000.
 * --database URL (postgres-server.ts: a throwaway database on that server): the same on a
 * shared PostgreSQL database, where the outbox is worked by --workers (2) other Portier
 * processes (outbox-worker-process.ts, as second desktops or the portal would), claiming with
 * SKIP LOCKED and woken by LISTEN/NOTIFY, while this process issues the activations.
 * Writes bench-results-activation.json, or bench-results-activation-postgres.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
import type { PortierCore } from '../electron/core/portier-core';
import { createBenchDatabase, DATABASE_HELP } from './postgres-server';

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

const WORKER_PROCESS = fileURLToPath(new URL('outbox-worker-process.ts', import.meta.url));

/** A Portier process working the outbox of the database at `url` (see outbox-worker-process.ts), once it works. */
async function workerProcess(dataDir: string, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_PROCESS, dataDir, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(`[worker ${child.pid}] ${c.toString()}`));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      if (/^ready /m.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker process ended (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** `n` accounts of one organisation and role group, never invited, in multi-row INSERTs. */
async function createAccounts(core: PortierCore, n: number, organisationId: number, roleGroupId: number): Promise<void> {
  await core.deps.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    for (let first = 1; first <= n; first += 1_000) {
      const usernames = Array.from({ length: Math.min(1_000, n - first + 1) }, (_, i) => `klant${first + i}@example.nl`);
      const rows = await trx
        .insertInto('portal_account')
        .values(usernames.map((username) => ({ username, username_key: username, language: 'nl' as const, active: 1, created_at: now, updated_at: now })))
        .returning('id')
        .execute();
      await trx.insertInto('portal_account_link').values(rows.map(({ id }) => ({ account_id: id, organisation_id: organisationId, person_id: null, is_default: 1 }))).execute();
      await trx.insertInto('portal_account_role_group').values(rows.map(({ id }) => ({ account_id: id, role_group_id: roleGroupId }))).execute();
    }
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string', default: '10000' }, database: { type: 'string' }, workers: { type: 'string', default: '2' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: node --import tsx bench/activation.bench.ts [--accounts 10000] [--database URL [--workers 2] [--keep]]\n\n${DATABASE_HELP}\nOn PostgreSQL the accounts are created directly in the database, and --workers other processes send the outbox.`);
    return;
  }
  const n = Number(values.accounts);
  const workers = Number(values.workers);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(workers) || workers < 1) throw new Error('--accounts and --workers take positive integers');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-activation-'));
  const smtp = await sink();
  const database = values.database ? await createBenchDatabase(values.database) : null;
  const core = await openPortierCore(database ? { dataDir, databaseUrl: database.url } : { dataDir });
  const children: ChildProcess[] = [];
  try {
    const admin = newSessionSlot();
    await core.call(admin, 'setup:create-administrator', { name: 'Bench Admin', email: 'bench@example.com', password: 'Quiet-Harbour-2026' });
    // Activations are refused while the portal address is unset (issue 9, point 16).
    await core.call(admin, 'activation-settings:update', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/' });
    await core.call(admin, 'smtp:update', { host: '127.0.0.1', port: smtp.port, tls: 'none', senderAddress: 'portier@example.com', senderName: 'Portier' });
    const org = await core.call(admin, 'organisations:create', { name: 'Massa BV', postalCode: '3511 AA', city: 'Utrecht' });
    const groups = await core.call(admin, 'role-groups:list', {});
    await createAccounts(core, n, org.id, groups[0]?.id ?? 0);
    const ids = (await core.deps.db.selectFrom('portal_account').select('id').orderBy('id').execute()).map((r) => r.id);

    // On PostgreSQL the outbox is other processes' work; they are up before the clock starts.
    if (database) for (let i = 0; i < workers; i++) children.push(await workerProcess(dataDir, database.url));
    // The product, as the dialog drives it: chunks of 100, each a call of its own (the IPC round
    // trip is a macrotask here too); the worker is woken by each call and sends meanwhile.
    const worker = database ? null : new OutboxWorker({ deps: core.deps, dataDir, intervalMs: 5_000, sender: threadedSender(SENDER_THREAD) });
    if (worker) wakeOnOutboxChanges(core, worker);
    let t0 = performance.now();
    await worker?.start();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await core.call(admin, 'portal-accounts:send-activation', { ids: ids.slice(i, i + CHUNK) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const issueMs = performance.now() - t0;
    const deliveredWhileIssuing = smtp.received();
    while (smtp.received() < n) await new Promise((resolve) => setTimeout(resolve, 2));
    const coreMs = performance.now() - t0;
    await worker?.stop();
    await Promise.all(children.splice(0).map(stopProcess));

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
      database: database ? 'postgres' : 'sqlite',
      ...(database ? { workerProcesses: workers } : {}),
      loadAverage: os.loadavg(),
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
    const where = database ? `on PostgreSQL, sent by ${workers} worker processes` : 'on SQLite';
    console.log(`\nBulk activation of ${n.toLocaleString('en')} accounts ${where}, delivered to a loopback SMTP server (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
    console.log(`Portier (activate + letters + outbox)  ${coreMs.toFixed(0).padStart(7)} ms  ${result.corePerSecond.toFixed(0).padStart(6)} accounts/s`);
    console.log(`  of which issuing activations         ${issueMs.toFixed(0).padStart(7)} ms (${deliveredWhileIssuing} delivered meanwhile)`);
    console.log(`raw nodemailer pool (same mails)       ${rawMs.toFixed(0).padStart(7)} ms  ${result.rawPerSecond.toFixed(0).padStart(6)} mails/s`);
    console.log(`ratio ${result.ratio.toFixed(2)} (goal <= 1.3)`);
    fs.writeFileSync(database ? 'bench-results-activation-postgres.json' : 'bench-results-activation.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await Promise.all(children.map(stopProcess));
    await core.close();
    await smtp.close();
    await database?.drop(values.keep);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
