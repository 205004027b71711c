import { sql, type Kysely } from 'kysely';

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
  const { rows } = await sql<SchemaRow>`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db);
  const fullText = rows.filter((r) => /^CREATE VIRTUAL TABLE .* USING fts\d/is.test(r.sql ?? '')).map((r) => r.name);
  const shadow = new Set(fullText.flatMap((name) => FTS_SHADOW_SUFFIXES.map((suffix) => `${name}${suffix}`)));
  return rows
    .filter((r) => !r.name.startsWith('sqlite_') && !shadow.has(r.name))
    .map((r) => ({ name: r.name, fullText: fullText.includes(r.name) }));
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

const cell = (value: unknown): unknown => (value instanceof Uint8Array ? `x'${Buffer.from(value).toString('hex')}'` : value);

/** Every row of one table as sorted JSON lines: equal for equal contents, whatever order SQLite reads them in. */
async function tableRows(db: Kysely<unknown>, table: FingerprintedTable): Promise<string[]> {
  const columns = table.fullText ? 'rowid' : '*';
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.raw(columns)} FROM ${sql.raw(quoted(table.name))}`.execute(db);
  return rows.map((row) => JSON.stringify(Object.entries(row).map(([key, value]) => [key, cell(value)]))).sort();
}

/**
 * The schema (every table, index, trigger and view with its SQL), PRAGMA user_version and the
 * rows of every table, as one string per table: equal strings mean nothing changed.
 */
export async function databaseFingerprintOf(db: Kysely<unknown>): Promise<Record<string, string>> {
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
