/**
 * npm run bench: the account list (listPortalAccounts) at 100k and 1M accounts
 * against the same queries written by hand on better-sqlite3, same file, same run.
 * Goal (issue 3): p95 <= 10 ms at 1M and within 2x of the hand-written query.
 * Options: --sizes 100000,1000000  --runs 50  --keep (leave the SQLite files).
 * Writes bench-results.json (gitignored: figures belong to the machine that made them).
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

const GOAL_P95_MS = 10;
const GOAL_RATIO = 2;

interface Figures {
  query: string;
  n: number;
  runs: number;
  p50: number;
  p95: number;
  handP50: number;
  handP95: number;
  /** core p95 / hand p95 */
  ratio: number;
  total: number;
  /** p95 of the hand-written count of the matching accounts alone: how much of the time the exact total costs. */
  countP95: number;
  meetsGoal: boolean;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function time(runs: number, fn: () => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: page cache and statement caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

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
  const ratio = coreTime.p95 / handTime.p95;
  const row: Figures = {
    query: scenario.name,
    n,
    runs,
    p50: coreTime.p50,
    p95: coreTime.p95,
    handP50: handTime.p50,
    handP95: handTime.p95,
    ratio,
    total: core.total,
    countP95: countTime.p95,
    meetsGoal: coreTime.p95 <= GOAL_P95_MS && ratio <= GOAL_RATIO,
  };
  console.log(formatRow(row));
  return row;
}

const ms = (v: number) => v.toFixed(2).padStart(8);
const HEADER = `${'query'.padEnd(34)} ${'n'.padStart(9)} ${'total'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'hand p50'.padStart(8)} ${'hand p95'.padStart(8)} ${'ratio'.padStart(6)} ${'count p95'.padStart(9)}  goal`;
const formatRow = (f: Figures) =>
  `${f.query.padEnd(34)} ${String(f.n).padStart(9)} ${String(f.total).padStart(8)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.handP50)} ${ms(f.handP95)} ${f.ratio.toFixed(2).padStart(6)} ${ms(f.countP95).padStart(9)}  ${f.meetsGoal ? 'ok' : 'MISSED'}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string', default: '50' }, keep: { type: 'boolean', default: false } },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !Number.isInteger(runs) || runs < 1) throw new Error('--sizes and --runs take positive integers');
  const all: Figures[] = [];
  for (const n of sizes) all.push(...(await benchSize(n, runs, values.keep)));
  console.log(`\nAll figures in ms; ratio = p95 / hand p95; goal: p95 <= ${GOAL_P95_MS} ms and ratio <= ${GOAL_RATIO}.`);
  console.log('count p95: the exact total alone (part of every first page), for seeing where the time goes.');
  console.log(HEADER);
  for (const f of all) console.log(formatRow(f));
  const out = path.resolve('bench-results.json');
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model ?? null, goal: { p95Ms: GOAL_P95_MS, ratio: GOAL_RATIO }, results: all }, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
