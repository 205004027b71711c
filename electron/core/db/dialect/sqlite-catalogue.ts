import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AnyDb, ColumnShape, CopyCatalogue, TableShape } from './catalogue';

/*
 * copy-to's view of a SQLite database (see catalogue.ts): the tables from PRAGMA
 * table_list (its type tells real tables from an FTS index's shadow tables), their columns from
 * table_xinfo (hidden 2 and 3 are generated columns), keys and foreign keys from the PRAGMAs of
 * the same names, and AUTOINCREMENT's counters from sqlite_sequence.
 */

/** What SQLite keeps beside the tables, and how to fill it from them. An index not listed here is refused, not left empty. */
const DERIVED: Readonly<Record<string, readonly string[]>> = {
  // Migration 0024's contentless trigram index: one row per account, its document and stage.
  portal_account_search: [
    'DELETE FROM portal_account_search',
    'INSERT INTO portal_account_search (rowid, document, stage) SELECT id, search_document, search_stage FROM portal_account',
  ],
};

/** SQLite's type affinity rule for text: the declared type mentions CHAR, CLOB or TEXT. */
const isTextType = (type: string) => /CHAR|CLOB|TEXT/i.test(type);

async function tableNames(db: AnyDb, type: 'table' | 'virtual'): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = ${type} AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

async function tableShape(db: AnyDb, name: string): Promise<TableShape> {
  const columns = await sql<{ name: string; type: string; pk: number; hidden: number }>`SELECT name, type, pk, hidden FROM pragma_table_xinfo(${name})`.execute(db);
  const keys = await sql<{ id: number; seq: number; table: string; from: string; to: string | null }>`
    SELECT id, seq, "table", "from", "to" FROM pragma_foreign_key_list(${name}) ORDER BY id, seq`.execute(db);
  const shaped: ColumnShape[] = columns.rows.map((c) => ({ name: c.name, generated: c.hidden === 2 || c.hidden === 3, text: isTextType(c.type) }));
  const key = columns.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const foreignKeys = new Map<number, { parent: string; columns: string[]; parentColumns: (string | null)[] }>();
  for (const k of keys.rows) {
    const entry = foreignKeys.get(k.id) ?? { parent: k.table, columns: [], parentColumns: [] };
    entry.columns.push(k.from);
    entry.parentColumns.push(k.to);
    foreignKeys.set(k.id, entry);
  }
  const shapes = [...foreignKeys.values()];
  // "REFERENCES parent" without columns means the parent's primary key.
  for (const entry of shapes) {
    if (entry.parentColumns.some((c) => c === null)) entry.parentColumns = entry.parent === name ? key : (await tableShape(db, entry.parent)).key;
  }
  return { name, columns: shaped, key, foreignKeys: shapes.map((e) => ({ parent: e.parent, columns: e.columns, parentColumns: e.parentColumns as string[] })) };
}

function keyOrder(table: TableShape): RawBuilder<unknown>[] {
  const text = new Set(table.columns.filter((c) => c.text).map((c) => c.name));
  // BINARY whatever the column's own collation: byte order, as PostgreSQL's COLLATE "C" sorts.
  return table.key.map((k) => (text.has(k) ? sql`${sql.id(k)} COLLATE BINARY` : sql`${sql.id(k)}`));
}

async function* readRows(db: AnyDb, table: TableShape, columns: readonly string[], batch: number): AsyncGenerator<Record<string, unknown>[]> {
  if (table.key.length === 0) throw new Error(`Table ${table.name} has no primary key: copy-to reads every table in key order.`);
  const order = keyOrder(table);
  const selected = sql.join(columns.map((c) => sql.id(c)));
  let after: unknown[] | null = null;
  for (;;) {
    // Keyset paging: each batch starts after the last key read, through the primary key's index.
    const where = after === null ? sql`` : sql`WHERE (${sql.join(order)}) > (${sql.join(after)})`;
    const { rows } = await sql<Record<string, unknown>>`
      SELECT ${selected} FROM ${sql.id(table.name)} ${where} ORDER BY ${sql.join(order)} LIMIT ${batch}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = table.key.map((k) => last[k]);
  }
}

/** Whether the table's id comes from AUTOINCREMENT (migration 0015: ids never reused), which keeps its counter in sqlite_sequence. */
async function autoincrementTables(db: AnyDb): Promise<Set<string>> {
  const { rows } = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table'`.execute(db);
  return new Set(rows.filter((r) => /\bAUTOINCREMENT\b/i.test(r.sql ?? '')).map((r) => r.name));
}

export const sqliteCatalogue: CopyCatalogue = {
  async tables(db) {
    const shapes: TableShape[] = [];
    for (const name of await tableNames(db, 'table')) shapes.push(await tableShape(db, name));
    return shapes;
  },

  async inSnapshot(db, read) {
    return db.connection().execute(async (connection: Kysely<unknown>) => {
      // A deferred transaction reads one snapshot (WAL) and takes no write lock; the connection's
      // statement cache turns only a bare "begin" into BEGIN IMMEDIATE.
      await sql`BEGIN DEFERRED`.execute(connection);
      try {
        const result = await read(connection);
        await sql`COMMIT`.execute(connection);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(connection).catch(() => undefined);
        throw error;
      }
    });
  },

  readRows,

  insertClause: () => '',

  async idCounters(db) {
    if ((await autoincrementTables(db)).size === 0) return new Map();
    const { rows } = await sql<{ name: string; seq: number }>`SELECT name, seq FROM sqlite_sequence`.execute(db);
    return new Map(rows.map((r) => [r.name, Number(r.seq)]));
  },

  async raiseIdCounters(db, tables, counters) {
    const autoincrement = await autoincrementTables(db);
    for (const table of tables) {
      const counter = counters.get(table.name);
      // Without AUTOINCREMENT SQLite hands out the highest id + 1: nothing to keep. The copied ids
      // themselves already raised the counter (SQLite keeps it at least at the highest id inserted).
      if (counter === undefined || !autoincrement.has(table.name)) continue;
      await sql`INSERT INTO sqlite_sequence (name, seq) SELECT ${table.name}, ${counter} WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ${table.name})`.execute(db);
      await sql`UPDATE sqlite_sequence SET seq = ${counter} WHERE name = ${table.name} AND seq < ${counter}`.execute(db);
    }
  },

  async suspendTriggers(db) {
    // SQLite cannot switch a trigger off: they are dropped and made again from their own SQL, in
    // the same transaction, so a failed copy leaves them as they were.
    const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(db);
    for (const trigger of rows) await sql`DROP TRIGGER ${sql.id(trigger.name)}`.execute(db);
    return async () => {
      for (const trigger of rows) await sql.raw(trigger.sql).execute(db);
    };
  },

  async rebuildDerived(db) {
    for (const name of await tableNames(db, 'virtual')) {
      const statements = DERIVED[name];
      if (!statements) throw new Error(`copy-to does not know how to fill SQLite's ${name}; nothing was copied. Add it to electron/core/db/dialect/sqlite-catalogue.ts.`);
      for (const statement of statements) await sql.raw(statement).execute(db);
    }
  },

  // SQLite binds at most 32,766 parameters per statement.
  maxParameters: 30_000,
};
