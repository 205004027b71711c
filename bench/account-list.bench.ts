/**
 * npm run bench: the account list (listPortalAccounts) at 100k and 1M accounts
 * against the same queries written by hand on better-sqlite3, same file, same run.
 * Goal (issue 3): p95 <= 10 ms at 1M and within 2x of the hand-written query.
 * Options: --sizes 100000,1000000  --runs 50  --keep (leave the SQLite files)
 * --database URL: the same on PostgreSQL, next to the same queries written by hand for it on
 * the same server (account-list-postgres.ts; --help says what the URL must name).
 * Writes bench-results.json, or bench-results-postgres.json (gitignored: figures belong to the machine that made them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { contract } from '../shared/api';
import { openDatabase } from '../electron/core/db/connection';
import { listPortalAccounts } from '../electron/core/portal-accounts/account-list-repository';
import { generateAccounts } from './generate-accounts';
import { SCENARIOS, type Scenario } from './scenarios';
import { handList, statementCache } from './hand-queries';
import { benchSizeOnPostgres } from './account-list-postgres';
import { figuresOf, formatRow, GOAL_P95_MS, GOAL_RATIO, HEADER, time, type Figures } from './account-list-figures';
import { DATABASE_HELP, describeServer } from './postgres-server';

async function benchSize(n: number, runs: number, keep: boolean): Promise<Figures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-'));
  const file = path.join(dir, 'portier.sqlite');
  const { db: migrated, sqlite } = await openDatabase(file);
  const now = new Date();
  const t0 = performance.now();
  const counts = generateAccounts(sqlite, n, now);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const mib = (fs.statSync(file).size / 2 ** 20).toFixed(0);
  console.log(`\n${n.toLocaleString('en')} accounts generated in ${seconds} s (${mib} MiB): ${JSON.stringify(counts)}`);
  await migrated.destroy();

  // A fresh connection as the app has one: the generator's pragmas and statement cache are gone.
  const { db, sqlite: conn } = await openDatabase(file);
  const hand = handList(conn);
  const figures: Figures[] = [];
  try {
    for (const scenario of SCENARIOS) figures.push(await benchScenario(scenario, n, runs, now, db, conn, hand));
  } finally {
    await db.destroy();
    if (keep) console.log(`kept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function benchScenario(
  scenario: Scenario,
  n: number,
  runs: number,
  now: Date,
  db: Awaited<ReturnType<typeof openDatabase>>['db'],
  conn: Awaited<ReturnType<typeof openDatabase>>['sqlite'],
  hand: ReturnType<typeof handList>,
): Promise<Figures> {
  const input = contract['portal-accounts:list'].input.parse(scenario.input(conn));
  const handQuery = scenario.hand(conn, now.toISOString(), input.limit);
  // Same rows, same total, or the comparison means nothing.
  const core = await listPortalAccounts(db, input, now);
  const byHand = hand(handQuery);
  const coreIds = core.rows.map((r) => `${r.id}:${r.status}:${r.organisations.join('|')}:${r.roleGroups.join('|')}`);
  const handIds = byHand.rows.map((r) => `${r.id}:${r.status}:${r.organisations.join('|')}:${r.roleGroups.join('|')}`);
  if (JSON.stringify(coreIds) !== JSON.stringify(handIds) || core.total !== byHand.total) {
    throw new Error(`${scenario.name}: hand-written query disagrees (total ${core.total} vs ${byHand.total})`);
  }
  const coreTime = await time(runs, () => listPortalAccounts(db, input, now));
  const handTime = await time(runs, () => hand(handQuery));
  // A search whose hits are collected first counts them as it collects them: that step is its count.
  const collect = handQuery.hits;
  const prepared = statementCache(conn);
  const count = collect ? null : conn.prepare(`SELECT count(*) FROM portal_account a ${handQuery.where ? `WHERE ${handQuery.where}` : ''}`);
  const countTime = await time(runs, () => (collect ? collect(prepared) : count?.get(handQuery.params)));
  const row = figuresOf(scenario.name, n, runs, core.total, coreTime, handTime, countTime);
  console.log(formatRow(row));
  return row;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '50' },
      keep: { type: 'boolean', default: false },
      database: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(`Usage: node --import tsx bench/account-list.bench.ts [--sizes 100000,1000000] [--runs 50] [--keep] [--database URL]\n\n${DATABASE_HELP}`);
    return;
  }
  const serverUrl = values.database;
  if (serverUrl) console.log(`On PostgreSQL: ${await describeServer(serverUrl)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(runs) || runs < 1) throw new Error('--sizes and --runs take positive integers');
  const all: Figures[] = [];
  for (const n of sizes) all.push(...(serverUrl ? await benchSizeOnPostgres(serverUrl, n, runs, values.keep) : await benchSize(n, runs, values.keep)));
  console.log(`\nAll figures in ms; ratio = p95 / hand p95; goal: p95 <= ${GOAL_P95_MS} ms and ratio <= ${GOAL_RATIO}.`);
  console.log(
    serverUrl
      ? 'count p95: the hand-written total alone (from the tallies where the core reads them, else counted up to the cap), for seeing where the time goes.'
      : 'count p95: the exact total alone (part of every first page), for seeing where the time goes.',
  );
  console.log(HEADER);
  for (const f of all) console.log(formatRow(f));
  const out = path.resolve(serverUrl ? 'bench-results-postgres.json' : 'bench-results.json');
  const database = serverUrl ? { database: 'postgres', server: await describeServer(serverUrl) } : { database: 'sqlite' };
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), ...database, loadAverage: os.loadavg(), node: process.version, cpu: os.cpus()[0]?.model ?? null, goal: { p95Ms: GOAL_P95_MS, ratio: GOAL_RATIO }, results: all }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
