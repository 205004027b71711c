import { ownDataFolderLeaseOwner } from './lease-owner';
import { CompiledQuery, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ErrorPayload } from '../../../../shared/errors';
import { migrate, readSchemaVersion } from '../migration';
import { ALREADY_EXISTS, DISK_FULL, IN_USE, type DatabaseDialect } from './index';
import type { SqlFragments } from './fragments';
import { planSqliteAccountSearch, refreshSqliteAccountSearch } from './sqlite-account-search';

export { openDatabase as openSqliteDatabase } from '../connection';

/**
 * SQLite's change marker: data_version changes when another connection commits, and
 * total_changes() counts this connection's own row changes.
 */
const CHANGE_MARKER = CompiledQuery.raw('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c', []);

/** better-sqlite3's extended result codes, as Portier's error codes. */
function mapSqliteError(error: unknown): ErrorPayload | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  // "database or disk is full" (also its max_page_count).
  if (code === 'SQLITE_FULL') return DISK_FULL;
  // ON DELETE RESTRICT reports itself as a trigger constraint, with the foreign-key message.
  const restricted = code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/.test(String((error as { message?: unknown }).message));
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || restricted) return IN_USE;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return ALREADY_EXISTS;
  return null;
}

/** SQLite's spelling: lists travel as one JSON parameter through json_each. */
const sqliteFragments: SqlFragments = {
  caseless: (column) => sql<string>`${sql.ref(column)} COLLATE NOCASE`,
  nullsLow: () => sql``,
  caselessIn: (column, values) => sql<SqlBool>`${sql.ref(column)} COLLATE NOCASE IN (SELECT value FROM json_each(${JSON.stringify(values)}))`,
  includes: (haystack, needle) => sql<SqlBool>`instr(${haystack}, ${needle}) > 0`,
  integers: (values) => sql<number>`SELECT value FROM json_each(${JSON.stringify(values)})`,
  skipLocked: () => sql``,
  texts: (values) => sql<string>`SELECT value FROM json_each(${JSON.stringify(values)})`,
  idsIn: (column, values) => sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`,
  joined: (expression, separator) => sql<string>`group_concat(${expression}, ${sql.lit(separator)})`,
  jsonText: (column, field) => sql<string | null>`CAST(json_extract(${sql.ref(column)}, ${`$.${field}`}) AS TEXT)`,
  ifNull: (expression, fallback) => sql`ifnull(${expression}, ${fallback})`,
  jsonElements: (json) => sql`json_each(${json})`,
  indexedBy: (index) => sql`INDEXED BY ${sql.id(index)}`,
  integerText: (expression: RawBuilder<unknown>) => sql<string>`CAST(${expression} AS TEXT)`,
  instant: (text) => sql<string>`${text}`,
  flag: (column, on) => sql<SqlBool>`${sql.ref(column)} = ${sql.lit(on ? 1 : 0)}`,
};

/** SQLite answered "database is locked" at once (a lock taken with no waiting). */
export function isSqliteBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';
}

/** The embedded default: one file in the user data folder, schema version in PRAGMA user_version. */
export const sqliteDialect: DatabaseDialect = {
  name: 'sqlite',
  readSchemaVersion,
  migrate,
  mapError: mapSqliteError,
  leaseOwner: ownDataFolderLeaseOwner,
  async changeMarker<DB>(db: Kysely<DB>) {
    const { rows } = await db.executeQuery<{ v: number; c: number }>(CHANGE_MARKER);
    return `${rows[0]?.v ?? 0}:${rows[0]?.c ?? 0}`;
  },
  async relaxDurabilityForBulkLoad(db) {
    await sql`PRAGMA synchronous = NORMAL`.execute(db);
  },
  sql: sqliteFragments,
  planAccountSearch: planSqliteAccountSearch,
  countsWithPage: false,
  refreshAccountSearch: refreshSqliteAccountSearch,
};
