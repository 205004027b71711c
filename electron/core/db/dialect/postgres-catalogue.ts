import { sql, type RawBuilder } from 'kysely';
import type { AnyDb, CopyCatalogue, ForeignKeyShape, TableShape } from './catalogue';
import { SCHEMA_VERSION_TABLE } from './postgres';

/*
 * copy-to's view of a PostgreSQL database (see catalogue.ts): the tables of the current
 * schema from pg_tables, columns from information_schema (is_generated), keys and foreign keys
 * from pg_constraint, identity columns' sequences through pg_get_serial_sequence.
 */

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_generated: string;
}

interface ConstraintRow {
  table_name: string;
  kind: 'p' | 'f';
  parent: string | null;
  columns: string[];
  parent_columns: string[] | null;
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character', 'citext', 'name']);

/** The tables of the current schema, the schema version's own left out. */
async function tableNames(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> ${SCHEMA_VERSION_TABLE} ORDER BY tablename`.execute(db);
  return rows.map((r) => r.tablename);
}

/** Primary and foreign keys with their columns in key order (conkey and confkey pair up by position). */
async function constraints(db: AnyDb): Promise<ConstraintRow[]> {
  const { rows } = await sql<ConstraintRow>`
    SELECT c.conrelid::regclass::text AS table_name, c.contype AS kind,
      CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END AS parent,
      (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS parent_columns
    FROM pg_constraint c
    WHERE c.contype IN ('p', 'f') AND c.connamespace = current_schema()::regnamespace
    ORDER BY c.conname`.execute(db);
  return rows;
}

/** The identity (or serial) columns of the current schema and their sequences. */
async function identityColumns(db: AnyDb): Promise<{ table_name: string; column_name: string }[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
    ORDER BY table_name`.execute(db);
  return rows;
}

const quotedName = (name: string) => `"${name.replaceAll('"', '""')}"`;

function keyOrder(table: TableShape): RawBuilder<unknown>[] {
  const text = new Set(table.columns.filter((c) => c.text).map((c) => c.name));
  // "C": byte order, as SQLite's BINARY sorts, whatever the database's own collation.
  return table.key.map((k) => (text.has(k) ? sql`${sql.id(k)} COLLATE "C"` : sql`${sql.id(k)}`));
}

let cursorCount = 0;

/** A cursor streams the table in one sorted pass; it lives in the transaction the caller runs in. */
async function* readRows(db: AnyDb, table: TableShape, columns: readonly string[], batch: number): AsyncGenerator<Record<string, unknown>[]> {
  if (table.key.length === 0) throw new Error(`Table ${table.name} has no primary key: copy-to reads every table in key order.`);
  cursorCount += 1;
  const cursor = sql.id(`portier_copy_${cursorCount}`);
  await sql`DECLARE ${cursor} NO SCROLL CURSOR FOR
    SELECT ${sql.join(columns.map((c) => sql.id(c)))} FROM ${sql.id(table.name)} ORDER BY ${sql.join(keyOrder(table))}`.execute(db);
  try {
    for (;;) {
      const { rows } = await sql<Record<string, unknown>>`FETCH FORWARD ${sql.raw(String(Math.trunc(batch)))} FROM ${cursor}`.execute(db);
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  } finally {
    await sql`CLOSE ${cursor}`.execute(db);
  }
}

export const postgresCatalogue: CopyCatalogue = {
  async tables(db) {
    const names = await tableNames(db);
    const wanted = new Set(names);
    const { rows: columns } = await sql<ColumnRow>`
      SELECT table_name, column_name, data_type, is_generated FROM information_schema.columns
      WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
    const keys = (await constraints(db)).filter((c) => wanted.has(c.table_name));
    return names.map((name) => ({
      name,
      columns: columns
        .filter((c) => c.table_name === name)
        .map((c) => ({ name: c.column_name, generated: c.is_generated === 'ALWAYS', text: TEXT_TYPES.has(c.data_type) })),
      key: keys.find((k) => k.kind === 'p' && k.table_name === name)?.columns ?? [],
      foreignKeys: keys
        .filter((k) => k.kind === 'f' && k.table_name === name)
        .map((k): ForeignKeyShape => ({ parent: k.parent ?? '', columns: k.columns, parentColumns: k.parent_columns ?? [] })),
    }));
  },

  async inSnapshot(db, read) {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute((trx) => read(trx));
  },

  readRows,

  insertClause: () => 'OVERRIDING SYSTEM VALUE',

  async idCounters(db) {
    const counters = new Map<string, number>();
    for (const { table_name, column_name } of await identityColumns(db)) {
      // Null while the sequence has handed out nothing.
      const { rows } = await sql<{ last: number | null }>`
        SELECT pg_sequence_last_value(pg_get_serial_sequence(${quotedName(table_name)}, ${column_name})::regclass) AS last`.execute(db);
      const last = rows[0]?.last;
      if (last !== null && last !== undefined) counters.set(table_name, Number(last));
    }
    return counters;
  },

  async raiseIdCounters(db, tables, counters) {
    const copied = new Set(tables.map((t) => t.name));
    for (const { table_name, column_name } of await identityColumns(db)) {
      if (!copied.has(table_name)) continue;
      // The next id is above both the highest copied id and the source's own counter (rows deleted there keep their ids used up).
      await sql`
        SELECT setval(pg_get_serial_sequence(${quotedName(table_name)}, ${column_name}), greatest(m.top, ${counters.get(table_name) ?? 0}))
        FROM (SELECT coalesce(max(${sql.id(column_name)}), 0) AS top FROM ${sql.id(table_name)}) m
        WHERE greatest(m.top, ${counters.get(table_name) ?? 0}) > 0`.execute(db);
    }
  },

  async suspendTriggers(db) {
    // Portier's own triggers (DISABLE TRIGGER USER leaves the foreign keys' internal ones on), and
    // only those that are on; the table's owner may do this, no superuser needed.
    const { rows } = await sql<{ table_name: string; trigger: string }>`
      SELECT c.relname AS table_name, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D'
      ORDER BY c.relname, t.tgname`.execute(db);
    for (const r of rows) await sql`ALTER TABLE ${sql.id(r.table_name)} DISABLE TRIGGER ${sql.id(r.trigger)}`.execute(db);
    return async () => {
      for (const r of rows) await sql`ALTER TABLE ${sql.id(r.table_name)} ENABLE TRIGGER ${sql.id(r.trigger)}`.execute(db);
    };
  },

  /**
   * PostgreSQL searches the accounts' own search_document (pg_trgm): no index lives beside the
   * tables. What it derives is statistics: ANALYZE (in the copy's transaction, on its rows) gives
   * the planner and the account search's trigram statistics (migration 0036) the copied data at
   * once, not after autovacuum gets to it.
   */
  async rebuildDerived(db) {
    await sql`ANALYZE`.execute(db);
  },

  // The protocol allows 65,535 parameters per statement.
  maxParameters: 30_000,
};

