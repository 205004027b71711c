/**
 * npm run bench, last: the benches of issue 13 on PostgreSQL — the account list, the view-as
 * ticket list and bulk activation with two worker processes — each with `--database` on the
 * server at PORTIER_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * where each creates and drops a throwaway database. When no server answers there, says so
 * and skips them (exit code 0: a desk without PostgreSQL still runs the SQLite benches).
 * Options, passed on: --sizes 100000,1000000 --runs 50 (both lists), --accounts 10000 --workers 2 (activation), --keep.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { redactDatabaseUrl } from '../electron/core/db/dialect/database-url';
import { BENCH_SERVER_URL, serverAnswers } from './postgres-server';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, runs: { type: 'string' }, accounts: { type: 'string' }, workers: { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  strict: true,
});
if (values.help) {
  console.log(
    'Usage: node --import tsx bench/postgres-benches.ts [--sizes 100000,1000000] [--runs 50] [--accounts 10000] [--workers 2] [--keep]\n\n' +
      'Runs the account list, the view-as ticket list and bulk activation on the PostgreSQL server at PORTIER_BENCH_DATABASE_URL\n' +
      `(now ${redactDatabaseUrl(BENCH_SERVER_URL)}), a throwaway database per bench; --keep leaves them. Each bench's own --help says more.`,
  );
  process.exit(0);
}

const passed = (names: readonly ('sizes' | 'runs' | 'accounts' | 'workers')[]) => [
  ...names.flatMap((name) => (values[name] === undefined ? [] : [`--${name}`, values[name]])),
  ...(values.keep ? ['--keep'] : []),
];

const BENCHES = [
  { file: 'account-list.bench.ts', args: passed(['sizes', 'runs']) },
  { file: 'ticket-view.bench.ts', args: passed(['sizes', 'runs']) },
  { file: 'activation.bench.ts', args: passed(['accounts', 'workers']) },
];

const shown = redactDatabaseUrl(BENCH_SERVER_URL);
if (!(await serverAnswers(BENCH_SERVER_URL))) {
  console.log(`\nSKIPPED the PostgreSQL benchmarks (account list, view-as ticket list, bulk activation): no PostgreSQL server answers at ${shown}.`);
  console.log('Start one there, or name another with PORTIER_BENCH_DATABASE_URL=postgres://user@host:5432/postgres (its role must be allowed to CREATE DATABASE).');
} else {
  console.log(`\nThe PostgreSQL benchmarks, on the server at ${shown} (a throwaway database per bench):`);
  let failed = 0;
  for (const bench of BENCHES) {
    const file = fileURLToPath(new URL(bench.file, import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', file, '--database', BENCH_SERVER_URL, ...bench.args], { stdio: 'inherit' });
    if (run.status !== 0) {
      failed += 1;
      console.error(`${bench.file} --database failed (${run.status ?? run.signal ?? 'unknown'})`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}
