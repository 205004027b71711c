import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, QUICK_FILTERS, type AccountStatus, type QuickFilter } from '../../shared/api/portal-accounts';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import type { WriterReport } from '../support/account-writer-child';
import { ADMIN, setTestPortalUrl, tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13: the account list's tallies (portal_account_tally, kept by triggers) stay exact while
 * four processes create, invite, activate and switch off accounts on one PostgreSQL database at
 * once, each transaction SERIALIZABLE and retried on a serialization failure. The processes share
 * one data folder (one key for the mails' secrets and the letters' codes). The database is this
 * file's own, so it runs once (project "sqlite"; vitest.config.ts excludes postgres-*.test.ts from
 * project "postgres").
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const CHILD = path.resolve('test/support/account-writer-child.ts');
const PROCESSES = 4;
const PER_PROCESS = 150;

let database: ThrowawayDatabase;
let data: ReturnType<typeof tempDataDir>;
let core: PortierCore;
let admin: SessionSlot;
let setup: { organisationIds: number[]; roleGroupId: number };
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!pgUp) return;
  data = tempDataDir('portier-accounts-pg-');
  database = await throwawayDatabase();
  core = await openPortierCore({ dataDir: data.dir, databaseUrl: database.url });
  admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  await setTestPortalUrl(core);
  const organisationIds: number[] = [];
  for (const name of ['Brouwerij De Ster', 'Élan Øresund BV', 'Łódź Straße GmbH']) organisationIds.push((await core.call(admin, 'organisations:create', { name })).id);
  const roleGroupId = (await core.call(admin, 'role-groups:create', { name: 'Readers', permissions: ['tickets.read'] })).id;
  setup = { organisationIds, roleGroupId };
}, 60_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (!pgUp) return;
  await core.close();
  await database.drop();
  data.remove();
});

/** A writer process, signed in and waiting for "go"; its report once it is done. */
async function startWriter(prefix: string): Promise<{ child: ChildProcess; report: Promise<WriterReport> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, data.dir, database.url, prefix, String(PER_PROCESS), JSON.stringify(setup)], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  let errors = '';
  child.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
  const ended = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`writer ${prefix} ended (${code}):\n${output}\n${errors}`))));
  ended.catch(() => undefined);
  const line = (pattern: RegExp) =>
    Promise.race([
      ended,
      new Promise<string>((resolve) => {
        const look = () => {
          const match = pattern.exec(output);
          if (match) resolve(match[1] ?? '');
        };
        child.stdout?.on('data', (c: Buffer) => {
          output += c.toString();
          look();
        });
        look();
      }),
    ]);
  await line(/^(ready)$/m);
  return { child, report: line(/^done (.+)$/m).then((json) => JSON.parse(json) as WriterReport) };
}

/** The list's total for a filter, as the list screen shows it (from the tallies: a page of one is full). */
async function listTotal(filter: QuickFilter, status?: AccountStatus): Promise<number> {
  admin.lastSeenAt = Date.now();
  return (await core.call(admin, 'portal-accounts:list', { filter, ...(status ? { status } : {}), limit: 1 })).total;
}

/** The same total counted row by row: every page of the list until one is not full. */
async function listCount(filter: QuickFilter, status?: AccountStatus): Promise<number> {
  let n = 0;
  for (let offset = 0; ; offset += 500) {
    admin.lastSeenAt = Date.now();
    const page = await core.call(admin, 'portal-accounts:list', { filter, ...(status ? { status } : {}), offset, limit: 500 });
    n += page.rows.length;
    if (page.rows.length < 500) return n;
  }
}

/** What each account of a chunk of ten has done to it (account-writer-child.ts): its status and quick filter afterwards. */
const EXPECTED_BY_POSITION: { status: AccountStatus; quick: QuickFilter }[] = [
  { status: 'active', quick: 'activated' },
  { status: 'active', quick: 'activated' },
  { status: 'active', quick: 'activated' },
  { status: 'deactivated', quick: 'invited' },
  { status: 'invited', quick: 'invited' },
  { status: 'invited', quick: 'invited' },
  { status: 'invited', quick: 'invited' },
  { status: 'deactivated', quick: 'never_invited' },
  { status: 'no_access', quick: 'never_invited' },
  { status: 'no_access', quick: 'never_invited' },
];

it.skipIf(!pgUp)(
  `${PROCESSES} processes creating, inviting, activating and switching off accounts at once: the tallies equal a recount, no account is lost or doubled, one audit entry per change${skip}`,
  async () => {
    const writers = await Promise.all(Array.from({ length: PROCESSES }, (_, w) => startWriter(`w${w}-`)));
    for (const w of writers) w.child.stdin?.write('go\n');
    const reports = await Promise.all(writers.map((w) => w.report));
    const db = core.deps.db;

    // No account lost or doubled: every username once, each id in one report.
    const accounts = await db.selectFrom('portal_account').select(['id', 'username']).execute();
    const usernames = Array.from({ length: PROCESSES }, (_, w) => Array.from({ length: PER_PROCESS }, (_, i) => `w${w}-${i}@example.com`)).flat();
    expect(accounts.map((a) => a.username).sort()).toEqual(usernames.sort());
    const created = reports.flatMap((r) => r.created);
    expect(new Set(created).size).toBe(PROCESSES * PER_PROCESS);
    expect(accounts.map((a) => a.id).sort((x, y) => x - y)).toEqual([...created].sort((x, y) => x - y));

    // The tallies the triggers kept equal a recount of the rows.
    const tallies = await db.selectFrom('portal_account_tally').select(['access_stage', 'active', 'n']).where('n', '>', 0).orderBy('access_stage').orderBy('active').execute();
    const recount = await sql<{ access_stage: number; active: number; n: number }>`
      SELECT access_stage, active, count(*)::integer AS n FROM portal_account GROUP BY access_stage, active ORDER BY access_stage, active`.execute(db);
    expect(tallies).toEqual(recount.rows);

    // Every status and quick filter: the list's total (tallies) = its rows counted = what the writers did.
    const expected = { status: new Map<AccountStatus, number>(), quick: new Map<QuickFilter, number>([['all', PROCESSES * PER_PROCESS]]) };
    for (const report of reports) {
      report.created.forEach((_, i) => {
        const e = EXPECTED_BY_POSITION[i % 10];
        if (!e) return;
        expected.status.set(e.status, (expected.status.get(e.status) ?? 0) + 1);
        expected.quick.set(e.quick, (expected.quick.get(e.quick) ?? 0) + 1);
      });
    }
    const totals: Record<string, [number, number, number]> = {};
    for (const filter of QUICK_FILTERS) totals[`filter ${filter}`] = [await listTotal(filter), await listCount(filter), expected.quick.get(filter) ?? 0];
    for (const status of ACCOUNT_STATUSES) totals[`status ${status}`] = [await listTotal('all', status), await listCount('all', status), expected.status.get(status) ?? 0];
    for (const [what, [total, counted, done]] of Object.entries(totals)) expect({ what, total, counted }).toEqual({ what, total: done, counted: done });

    // One audit entry per change, none lost to a retried transaction and none doubled by one.
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'portal-account')
      .where('action', 'in', ['created', 'activation-sent', 'activated', 'deactivated', 'reactivated'])
      .execute();
    const entries = (rows: { entity_id: number | null; action: string }[]) => rows.map((r) => `${r.action} ${r.entity_id}`).sort();
    const changes = reports.flatMap((r) => [
      ...r.created.map((id) => ({ entity_id: id, action: 'created' })),
      ...r.sent.map((id) => ({ entity_id: id, action: 'activation-sent' })),
      ...r.activated.map((id) => ({ entity_id: id, action: 'activated' })),
      ...r.deactivated.map((id) => ({ entity_id: id, action: 'deactivated' })),
      ...r.reactivated.map((id) => ({ entity_id: id, action: 'reactivated' })),
    ]);
    expect(entries(audit)).toEqual(entries(changes));

    // Each invitation left one open token at most; each activation used exactly one.
    const used = await db.selectFrom('portal_account_token').select('account_id').where('used_at', 'is not', null).execute();
    expect(used.map((r) => r.account_id).sort((x, y) => x - y)).toEqual(reports.flatMap((r) => r.activated).sort((x, y) => x - y));
    const open = await sql<{ account_id: number; n: number }>`
      SELECT account_id, count(*)::integer AS n FROM portal_account_token WHERE used_at IS NULL AND voided_at IS NULL GROUP BY account_id HAVING count(*) > 1`.execute(db);
    expect(open.rows).toEqual([]);
  },
  300_000,
);
