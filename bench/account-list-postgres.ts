import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { contract } from '../shared/api';
import { openDatabase, openSqlite } from '../electron/core/db/connection';
import { openPostgresForCore } from '../electron/core/db/dialect/postgres';
import { listPortalAccounts } from '../electron/core/portal-accounts/account-list-repository';
import { figuresOf, formatRow, timePair, time, type Figures } from './account-list-figures';
import { generateAccounts } from './generate-accounts';
import { handListPostgres } from './hand-queries-postgres';
import { moveToPostgres } from './move-to-postgres';
import { createBenchDatabase } from './postgres-server';
import { statementsOn } from './postgres-statements';
import { POSTGRES_SCENARIOS } from './scenarios-postgres';

/**
 * The account list at `n` accounts on PostgreSQL: generated into SQLite as the SQLite bench
 * does (the same rows), moved into a throwaway database on the server of `serverUrl`, then
 * listPortalAccounts on the core's own Kysely pool against the hand-written queries on a pool
 * of their own, in turn, after checking both give the same rows and total.
 */
export async function benchSizeOnPostgres(serverUrl: string, n: number, runs: number, keep: boolean): Promise<Figures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-pg-'));
  const file = path.join(dir, 'portier.sqlite');
  const database = await createBenchDatabase(serverUrl);
  try {
    const { db: generator, sqlite } = await openDatabase(file);
    const now = new Date();
    const t0 = performance.now();
    const counts = generateAccounts(sqlite, n, now);
    await generator.destroy();
    const generated = ((performance.now() - t0) / 1000).toFixed(1);
    const moved = await moveToPostgres(file, database.url);
    const s = moved.seconds;
    console.log(
      `\n${n.toLocaleString('en')} accounts generated in ${generated} s, moved to PostgreSQL (${moved.rows.toLocaleString('en')} rows) in ${s.load.toFixed(1)} s, indexes ${s.indexes.toFixed(1)} s, VACUUM ANALYZE ${s.analyze.toFixed(1)} s: ${JSON.stringify(counts)}`,
    );

    const db = await openPostgresForCore(database.url);
    const hand = statementsOn(database.url);
    // The scenarios' inputs (an organisation, a username) come from the same data, in the SQLite file.
    const source = openSqlite(file, { readonly: true });
    const figures: Figures[] = [];
    try {
      const list = handListPostgres(hand);
      for (const scenario of POSTGRES_SCENARIOS) {
        const input = contract['portal-accounts:list'].input.parse(scenario.input(source));
        const handQuery = scenario.hand(source, now.toISOString(), input.limit);
        // Same rows, same total, or the comparison means nothing.
        const core = await listPortalAccounts(db, input, now);
        const byHand = await list.list(handQuery);
        const key = (r: { id: number; status: string; organisations: string[]; roleGroups: string[] }) => `${r.id}:${r.status}:${r.organisations.join('|')}:${r.roleGroups.join('|')}`;
        if (JSON.stringify(core.rows.map(key)) !== JSON.stringify(byHand.rows.map(key)) || core.total !== byHand.total) {
          throw new Error(`${scenario.name}: hand-written query disagrees (total ${core.total} vs ${byHand.total}; first ids ${core.rows.slice(0, 3).map((r) => r.id).join(',')} vs ${byHand.rows.slice(0, 3).map((r) => r.id).join(',')})`);
        }
        const timed = await timePair(runs, () => listPortalAccounts(db, input, now), () => list.list(handQuery));
        const count = await time(runs, () => list.count(handQuery));
        const row = figuresOf(scenario.name, n, runs, core.total, timed.core, timed.hand, count);
        console.log(formatRow(row));
        figures.push(row);
      }
    } finally {
      source.close();
      await hand.close();
      await db.destroy();
    }
    return figures;
  } finally {
    await database.drop(keep);
    if (keep) console.log(`kept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
