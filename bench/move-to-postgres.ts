import type SQLite from 'better-sqlite3';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { openPostgresForCore } from '../electron/core/db/dialect/postgres';
import { openSqlite } from '../electron/core/db/connection';

/*
 * Moves a generated SQLite database into a new PostgreSQL database, fast, for the benchmarks:
 * the same rows the SQLite bench measures, so both benches see the same data. Portier's
 * copy-to (electron/core/db/copy) proves its copy row by row in one transaction with every
 * index in place; at a million accounts that takes too long for a bench, so this does what a
 * bulk load does: the schema by Portier's own migrations, then secondary indexes and foreign
 * keys set aside, each table's rows as INSERT ... SELECT FROM unnest() of one array per column
 * (one statement per 10,000 rows, a handful of parameters), Portier's triggers held off (the
 * tallies come over as the SQLite triggers kept them), then indexes and keys made again,
 * identity counters raised, row counts compared, and VACUUM ANALYZE, as autovacuum would leave
 * a database that has lived a while (statistics, and the visibility map index-only scans need).
 */

const ROWS_PER_INSERT = 10_000;

interface Column {
  name: string;
  /** The column's type as SQL (format_type), for the unnest() array's cast. */
  type: string;
}

export interface MoveReport {
  rows: number;
  seconds: { load: number; indexes: number; analyze: number };
}

/** The tables of the current schema with the columns an INSERT may set (not generated ones). */
async function tables(client: pg.Client): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; name: string; type: string }>(`
    SELECT c.relname AS table_name, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> 'portier_schema_version'
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`);
  const byTable = new Map<string, Column[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), { name: r.name, type: r.type }]);
  return byTable;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs `statements` one after the other (DDL saved before it was dropped). */
async function runAll(client: pg.Client, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}

/** Sets aside what slows a bulk load; returns the statements that put it back. */
async function setAside(client: pg.Client): Promise<string[]> {
  // Indexes that back no constraint (primary and unique keys stay: they keep the load honest).
  const indexes = await client.query<{ name: string; def: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    WHERE c.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY 1`);
  const keys = await client.query<{ table_name: string; name: string; def: string }>(`
    SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2`);
  const triggers = await client.query<{ table_name: string; name: string }>(`
    SELECT c.relname AS table_name, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D' ORDER BY 1, 2`);
  await runAll(client, [
    ...keys.rows.map((k) => `ALTER TABLE ${k.table_name} DROP CONSTRAINT ${quoted(k.name)}`),
    ...indexes.rows.map((i) => `DROP INDEX ${i.name}`),
    ...triggers.rows.map((t) => `ALTER TABLE ${quoted(t.table_name)} DISABLE TRIGGER ${quoted(t.name)}`),
  ]);
  return [
    ...indexes.rows.map((i) => i.def),
    ...keys.rows.map((k) => `ALTER TABLE ${k.table_name} ADD CONSTRAINT ${quoted(k.name)} ${k.def}`),
    ...triggers.rows.map((t) => `ALTER TABLE ${quoted(t.table_name)} ENABLE TRIGGER ${quoted(t.name)}`),
  ];
}

/** One table's rows from SQLite into PostgreSQL, ROWS_PER_INSERT at a time; how many. */
async function moveTable(sqlite: SQLite.Database, client: pg.Client, table: string, columns: readonly Column[]): Promise<number> {
  const names = columns.map((c) => quoted(c.name)).join(', ');
  const insert = `INSERT INTO ${quoted(table)} (${names}) OVERRIDING SYSTEM VALUE
    SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
  const read = sqlite.prepare(`SELECT ${names} FROM ${quoted(table)}`).raw(true);
  let batch: unknown[][] = columns.map(() => []);
  let inBatch = 0;
  let moved = 0;
  const flush = async () => {
    if (inBatch === 0) return;
    await client.query({ name: `move_${table}`, text: insert, values: batch });
    moved += inBatch;
    batch = columns.map(() => []);
    inBatch = 0;
  };
  for (const row of read.iterate() as IterableIterator<unknown[]>) {
    for (let i = 0; i < row.length; i++) batch[i]?.push(row[i]);
    inBatch += 1;
    if (inBatch === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return moved;
}

/** Every identity column's counter past the highest id it holds and past SQLite's own counter. */
async function raiseIdentities(client: pg.Client, sqlite: SQLite.Database): Promise<void> {
  const hasSequences = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
  const used = new Map(hasSequences ? (sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [r.name, r.seq]) : []);
  const { rows } = await client.query<{ table_name: string; column_name: string }>(`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`);
  for (const r of rows) {
    const top = await client.query<{ top: string | null }>(`SELECT max(${quoted(r.column_name)})::text AS top FROM ${quoted(r.table_name)}`);
    const next = Math.max(Number(top.rows[0]?.top ?? 0), used.get(r.table_name) ?? 0);
    if (next > 0) await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3)`, [quoted(r.table_name), r.column_name, next]);
  }
}

/**
 * Gives the empty database at `url` Portier's schema and every row of the SQLite database
 * `file`, checked by row count per table.
 */
export async function moveToPostgres(file: string, url: string): Promise<MoveReport> {
  await (await openPostgresForCore(url)).destroy();
  const sqlite = openSqlite(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // This session only: room to sort while indexes are built, no wait for each commit's flush.
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query('SET synchronous_commit = off');
    const shape = await tables(client);
    const t0 = performance.now();
    const restore = await setAside(client);
    let rows = 0;
    const counts = new Map<string, number>();
    await client.query('BEGIN');
    // What the migrations put in (built-in role groups, tallies at zero) makes way for the source's rows.
    await client.query(`TRUNCATE ${[...shape.keys()].map(quoted).join(', ')}`);
    for (const [table, columns] of shape) {
      const n = await moveTable(sqlite, client, table, columns);
      counts.set(table, n);
      rows += n;
    }
    await client.query('COMMIT');
    const t1 = performance.now();
    await runAll(client, restore);
    await raiseIdentities(client, sqlite);
    const t2 = performance.now();
    await client.query('VACUUM ANALYZE');
    const t3 = performance.now();
    for (const [table, n] of counts) {
      const there = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted(table)}`);
      if (there.rows[0]?.n !== n) throw new Error(`${table}: ${n} rows moved, ${there.rows[0]?.n ?? 0} in PostgreSQL`);
    }
    return { rows, seconds: { load: (t1 - t0) / 1000, indexes: (t2 - t1) / 1000, analyze: (t3 - t2) / 1000 } };
  } finally {
    await client.end();
    sqlite.close();
  }
}
