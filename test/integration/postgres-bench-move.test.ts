import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveToPostgres } from '../../bench/move-to-postgres';
import { generateAccounts } from '../../bench/generate-accounts';
import { contract } from '../../shared/api';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { openPostgresForCore } from '../../electron/core/db/dialect/postgres';
import { postgresCatalogue } from '../../electron/core/db/dialect/postgres-catalogue';
import { sqliteCatalogue } from '../../electron/core/db/dialect/sqlite-catalogue';
import type { CopyCatalogue, TableShape } from '../../electron/core/db/dialect/catalogue';
import { TableChecksum } from '../../electron/core/db/copy/row-checksum';
import { listPortalAccounts } from '../../electron/core/portal-accounts/account-list-repository';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13, the benchmarks on PostgreSQL: bench/move-to-postgres.ts loads the generated SQLite
 * data in bulk, with indexes, foreign keys and triggers set aside meanwhile. The figures mean
 * something only if the database it leaves is the one Portier would have: every row as in the
 * file, the schema as the migrations make it, ids handed out after the moved ones. The file makes
 * its own databases, so it runs in the sqlite project only.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const ACCOUNTS = 3_000;
const now = new Date('2026-12-04T12:00:00Z');

let dir: string;
let sqlite: Db;
let moved: ThrowawayDatabase;
let fresh: ThrowawayDatabase;
let postgres: Db;

beforeAll(async () => {
  if (!pgUp) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-move-'));
  const file = path.join(dir, 'portier.sqlite');
  const opened = await openDatabase(file);
  generateAccounts(opened.sqlite, ACCOUNTS, now);
  sqlite = opened.db;
  [moved, fresh] = await Promise.all([throwawayDatabase(), throwawayDatabase()]);
  await moveToPostgres(file, moved.url);
  postgres = await openPostgresForCore(moved.url);
}, 120_000);
afterAll(async () => {
  if (!pgUp) return;
  await postgres.destroy();
  await sqlite.destroy();
  await Promise.all([moved.drop(), fresh.drop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Count and checksum of `table`'s rows over `columns`, read in key order as copy-to reads them. */
async function checksumOf(catalogue: CopyCatalogue, db: Db, table: TableShape, columns: readonly string[]) {
  return catalogue.inSnapshot(db as unknown as Kysely<unknown>, async (snapshot) => {
    const checksum = new TableChecksum(columns);
    for await (const rows of catalogue.readRows(snapshot, table, columns, 1_000)) checksum.add(rows);
    return checksum.result();
  });
}

/** Indexes, constraints and triggers (with whether they are on) of the database: what the migrations make. */
async function schemaOf(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT 'index ' || pg_get_indexdef(i.indexrelid) AS line FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    WHERE c.relnamespace = current_schema()::regnamespace
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = current_schema()::regnamespace
    UNION ALL
    SELECT 'trigger ' || c.relname || ' ' || t.tgname || ' ' || t.tgenabled::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal`.execute(db);
  return rows.map((r) => r.line).sort();
}

describe('moving the benchmarks data into PostgreSQL', () => {
  it.skipIf(!pgUp)(`gives every table the rows of the SQLite file, value for value${skip}`, async () => {
    const tables = await postgresCatalogue.inSnapshot(postgres as unknown as Kysely<unknown>, (db) => postgresCatalogue.tables(db));
    expect(tables.map((t) => t.name)).toContain('portal_account');
    const differing: string[] = [];
    for (const table of tables) {
      const columns = table.columns.map((c) => c.name);
      const [there, here] = [await checksumOf(postgresCatalogue, postgres, table, columns), await checksumOf(sqliteCatalogue, sqlite, table, columns)];
      if (there.rows !== here.rows || there.checksum !== here.checksum) differing.push(`${table.name}: ${there.rows} rows in PostgreSQL, ${here.rows} in SQLite`);
    }
    expect(differing).toEqual([]);
    const accounts = tables.find((t) => t.name === 'portal_account') as TableShape;
    expect((await checksumOf(postgresCatalogue, postgres, accounts, ['id'])).rows).toBe(ACCOUNTS);
  });

  it.skipIf(!pgUp)(`leaves the indexes, foreign keys and triggers the migrations make, every trigger on${skip}`, async () => {
    const migrated = await openPostgresForCore(fresh.url);
    try {
      expect(await schemaOf(postgres as unknown as Kysely<unknown>)).toEqual(await schemaOf(migrated as unknown as Kysely<unknown>));
    } finally {
      await migrated.destroy();
    }
  });

  it.skipIf(!pgUp)(`hands out ids after the moved ones${skip}`, async () => {
    const { rows } = await sql<{ next: number; top: number }>`
      SELECT nextval(pg_get_serial_sequence('portal_account', 'id'))::int AS next, (SELECT max(id) FROM portal_account) AS top`.execute(postgres);
    expect(rows[0]?.next).toBeGreaterThan(rows[0]?.top ?? Infinity);
  });

  it.skipIf(!pgUp)(`lists the same accounts and totals as SQLite, the tallies included${skip}`, async () => {
    for (const input of [{}, { status: 'active' }, { search: 'jansen', sort: 'person' }, { sort: 'lastSignInAt', direction: 'desc' }]) {
      const q = contract['portal-accounts:list'].input.parse(input);
      const [there, here] = [await listPortalAccounts(postgres, q, now), await listPortalAccounts(sqlite, q, now)];
      expect(there.total).toBe(here.total);
      expect(there.rows.map((r) => [r.id, r.status, r.organisations, r.roleGroups])).toEqual(here.rows.map((r) => [r.id, r.status, r.organisations, r.roleGroups]));
    }
  });
});
