import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../electron/core/db/dialect/of-database';

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** FTS5/FTS4/FTS3 store their index in shadow tables named after the virtual table. */
const FTS_SHADOW_SUFFIXES = ['_data', '_idx', '_content', '_docsize', '_config', '_segments', '_segdir', '_stat'];

/** Tables whose rows the fingerprint compares: every table of sqlite_master, by name. */
export interface FingerprintedTable {
  name: string;
  /** A full-text index: its rowids are compared (a contentless one has no column values). */
  fullText: boolean;
}

/**
 * The tables of the database, read from sqlite_master so a new table is in without anyone
 * listing it: SQLite's own (sqlite_%) and the FTS shadow tables are left out, since their
 * content (b-tree segments, merge state) is not comparable row by row; the FTS table itself
 * is compared by its rowids.
 */
export async function fingerprintedTables(db: Kysely<unknown>): Promise<FingerprintedTable[]> {
  if (dialectOf(db).name === 'postgres') {
    const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
    return tables.rows.map((r) => ({ name: r.tablename, fullText: false }));
  }
  const { rows } = await sql<SchemaRow>`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db);
  const fullText = rows.filter((r) => /^CREATE VIRTUAL TABLE .* USING fts\d/is.test(r.sql ?? '')).map((r) => r.name);
  const shadow = new Set(fullText.flatMap((name) => FTS_SHADOW_SUFFIXES.map((suffix) => `${name}${suffix}`)));
  return rows
    .filter((r) => !r.name.startsWith('sqlite_') && !shadow.has(r.name))
    .map((r) => ({ name: r.name, fullText: fullText.includes(r.name) }));
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

const cell = (value: unknown): unknown => (value instanceof Uint8Array ? `x'${Buffer.from(value).toString('hex')}'` : value);

/**
 * A row as one JSON line, its columns by name: the same row reads the same from either database,
 * although PostgreSQL's generated columns stand last since migration 0033 made them again.
 */
const rowLine = (row: Record<string, unknown>) =>
  JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => [key, cell(value)]));

/** Every row of one table as sorted JSON lines: equal for equal contents, whatever order SQLite reads them in. */
async function tableRows(db: Kysely<unknown>, table: FingerprintedTable): Promise<string[]> {
  const columns = table.fullText ? 'rowid' : '*';
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.raw(columns)} FROM ${sql.raw(quoted(table.name))}`.execute(db);
  return rows.map(rowLine).sort();
}

/**
 * The schema (every table, index, trigger and view with its SQL), PRAGMA user_version and the
 * rows of every table, as one string per table: equal strings mean nothing changed.
 */
export async function databaseFingerprintOf(db: Kysely<unknown>): Promise<Record<string, string>> {
  if (dialectOf(db).name === 'postgres') return postgresFingerprintOf(db);
  const schema = await sql<SchemaRow>`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name`.execute(db);
  const version = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  const parts: Record<string, string> = {
    '(schema)': schema.rows.map((r) => `${r.type} ${r.name} on ${r.tbl_name}: ${r.sql ?? ''}`).join('\n'),
    '(user_version)': String(version.rows[0]?.user_version ?? 0),
  };
  for (const table of await fingerprintedTables(db)) parts[table.name] = (await tableRows(db, table)).join('\n');
  return parts;
}

/** The fingerprint as one string, for a plain toBe comparison. */
export async function databaseFingerprintText(db: Kysely<unknown>): Promise<string> {
  const parts = await databaseFingerprintOf(db);
  return Object.entries(parts)
    .map(([name, content]) => `${name}:\n${content}`)
    .join('\n');
}

/**
 * The same on PostgreSQL: the schema from its catalogue (columns, indexes, triggers of schema
 * public) and the rows of every table. Not the identity sequences: PostgreSQL never gives back
 * a number a rolled-back insert took (a gap, never a reuse), so they are no part of "nothing changed".
 */
async function postgresFingerprintOf(db: Kysely<unknown>): Promise<Record<string, string>> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
    SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(db);
  const indexes = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`.execute(db);
  const triggers = await sql<{ name: string }>`
    SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY t.tgname`.execute(db);
  const parts: Record<string, string> = {
    '(schema)': [
      ...columns.rows.map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type} ${c.column_default ?? ''}`),
      ...indexes.rows.map((i) => `index ${i.indexdef}`),
      ...triggers.rows.map((t) => `trigger ${t.name}`),
    ].join('\n'),
  };
  const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  for (const { tablename } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.raw(quoted(tablename))}`.execute(db);
    parts[tablename] = rows.map(rowLine).sort().join('\n');
  }
  return parts;
}
