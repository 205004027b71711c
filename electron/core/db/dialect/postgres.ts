import { sharedDatabaseLeaseOwner } from './lease-owner';
import { Kysely, sql, type SqlBool } from 'kysely';
import type { Pool, types as PgTypes } from 'pg';
import type { ErrorPayload } from '../../../../shared/errors';
import { DatabaseTooNewError, type Migration } from '../migration';
import { MIGRATIONS } from '../migrations';
import type { Database } from '../schema';
import { ALREADY_EXISTS, CONCURRENT_CHANGE, DISK_FULL, IN_USE, type DatabaseDialect } from './index';
import { redactDatabaseUrl, sslModeOf, withSslMode, withoutSecret } from './database-url';
import type { SqlFragments } from './fragments';
import { planPostgresAccountSearch, refreshPostgresAccountSearch } from './postgres-account-search';
import { ChangeAnnouncingPostgresDialect } from './postgres-change-driver';
import { relationExists } from './postgres-relations';
import { SERVER_CLOCK_SQL, serverClockOffsetMs } from './postgres-clock';
import type { OnDatabase } from './of-database';
import { retryingSerializationFailures } from './postgres-serializable';
import { changesOf, DatabaseChanges, freshMarker, registerChanges } from './postgres-changes';

/** The table that says which schema version a PostgreSQL database has (PostgreSQL has no user_version). */
export const SCHEMA_VERSION_TABLE = 'portier_schema_version';

/**
 * The advisory lock every Portier process takes before it reads or changes the schema version:
 * two desktops (or the portal) starting at once migrate one after the other, never both.
 * Any 64-bit number no other program on the server uses; this one spells "portier" in hex-ish.
 */
const MIGRATION_LOCK = 0x506f72746965n;

/** PostgreSQL's SQLSTATE codes (appendix A of its manual) as Portier's error codes. */
const SQLSTATE: Readonly<Record<string, ErrorPayload>> = {
  '23505': ALREADY_EXISTS, // unique_violation
  '23503': IN_USE, // foreign_key_violation (also ON DELETE RESTRICT)
  '40001': CONCURRENT_CHANGE, // serialization_failure
  '40P01': CONCURRENT_CHANGE, // deadlock_detected
  '53100': DISK_FULL, // disk_full
};

function mapPostgresError(error: unknown): ErrorPayload | null {
  const code = (error as { code?: unknown } | null)?.code;
  // node-postgres puts the SQLSTATE on DatabaseError.code; only five-character codes are SQLSTATEs.
  if (typeof code !== 'string' || code.length !== 5) return null;
  return SQLSTATE[code] ?? null;
}

async function readSchemaVersion(db: Kysely<unknown>): Promise<number> {
  return (await relationExists(db, SCHEMA_VERSION_TABLE)) ? readVersionRow(db) : 0;
}

async function readVersionRow(db: OnDatabase): Promise<number> {
  const version = await sql<{ version: number }>`SELECT version FROM portier_schema_version WHERE id = 1`.execute(db);
  return version.rows[0]?.version ?? 0;
}

/**
 * One transaction under the migration lock: create the version table if it is missing, read the
 * version, run the pending steps, write the new version. PostgreSQL's DDL is transactional, so a
 * failing step leaves the database as it was; a second process waits for the lock and then
 * finds nothing left to do.
 */
async function migrate(db: Kysely<unknown>, migrations: readonly Migration[]): Promise<{ from: number; to: number }> {
  const latest = migrations.at(-1)?.version ?? 0;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK.toString()}::bigint)`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS portier_schema_version (id smallint PRIMARY KEY CHECK (id = 1), version integer NOT NULL)`.execute(trx);
    await sql`INSERT INTO portier_schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`.execute(trx);
    const from = await readSchemaVersion(trx);
    if (from > latest) throw new DatabaseTooNewError(from, latest);
    if (from === latest) return { from, to: latest };
    for (const step of migrations) {
      if (step.version <= from) continue;
      if (!step.upPostgres) throw new Error(`Migration ${step.name} has no PostgreSQL variant yet; nothing was changed.`);
      await step.upPostgres(trx);
    }
    await sql`UPDATE portier_schema_version SET version = ${latest} WHERE id = 1`.execute(trx);
    return { from, to: latest };
  });
}

/**
 * PostgreSQL's spelling: lists travel as one array parameter (node-postgres sends a JS array as
 * an array literal); NOCASE is lower(... COLLATE "C"): under "C" lower() folds A-Z only, as
 * NOCASE does (under the database's own collation it would fold É to é as well, and "Łukasz"
 * would sort after "łucja" on PostgreSQL and before it on SQLite), and the order is bytewise.
 * On the key and sort columns (COLLATE "C" already) it is the expression their indexes hold.
 */
const postgresFragments: SqlFragments = {
  caseless: (column) => sql<string>`lower(${sql.ref(column)} COLLATE "C")`,
  nullsLow: (direction) => (direction === 'asc' ? sql`NULLS FIRST` : sql`NULLS LAST`),
  caselessIn: (column, values) => sql<SqlBool>`lower(${sql.ref(column)}) COLLATE "C" IN (SELECT lower(v) COLLATE "C" FROM unnest(${values}::text[]) AS v)`,
  includes: (haystack, needle) => sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`,
  integers: (values) => sql<number>`SELECT unnest(${values}::bigint[])`,
  skipLocked: () => sql`FOR UPDATE SKIP LOCKED`,
  texts: (values) => sql<string>`SELECT unnest(${values}::text[])`,
  idsIn: (column, values) => sql<SqlBool>`${sql.ref(column)} = ANY(${values}::bigint[])`,
  joined: (expression, separator) => sql<string>`string_agg(${expression}, ${sql.lit(separator)})`,
  jsonText: (column, field) => sql<string | null>`(${sql.ref(column)}::jsonb ->> ${field})`,
  ifNull: (expression, fallback) => sql`coalesce(${expression}, ${fallback})`,
  jsonElements: (json) => sql`json_array_elements(${json}::json) AS elements(value)`,
  indexedBy: () => sql``,
  integerText: (expression) => sql<string>`CAST(${expression} AS text)`,
  instant: (text) => sql<string>`CAST(${text} AS timestamptz)`,
  flag: (column, on) => (on ? sql<SqlBool>`${sql.ref(column)}` : sql<SqlBool>`(NOT ${sql.ref(column)})`),
};

/** A shared office on PostgreSQL. */
export const postgresDialect: DatabaseDialect = {
  name: 'postgres',
  readSchemaVersion,
  migrate,
  mapError: mapPostgresError,
  leaseOwner: sharedDatabaseLeaseOwner,
  /**
   * PostgreSQL has no cheap counter of commits: the marker is the core's count of changes it
   * heard of through LISTEN/NOTIFY and made itself (postgres-changes.ts). A database that does
   * not listen (the CLI's check, a core whose LISTEN connection is down) gets a fresh value on
   * every call, so the read cache reads again each time.
   */
  changeMarker(db) {
    return Promise.resolve(changesOf(db)?.marker() ?? freshMarker());
  },
  relaxDurabilityForBulkLoad: () => Promise.resolve(),
  sql: postgresFragments,
  planAccountSearch: planPostgresAccountSearch,
  countsWithPage: true,
  refreshAccountSearch: refreshPostgresAccountSearch,
};

/** Thrown when a PostgreSQL database cannot be reached; its message never holds the password. */
export class DatabaseConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConnectionError';
  }
}

/** The OIDs of bigint (count(*), sums of integers), numeric (sums, averages), boolean and timestamptz. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const TIMESTAMPTZ = 1184;

/**
 * The values the core gets are SQLite's, whichever database it runs on:
 * - counts and sums as numbers: node-postgres gives bigint and numeric as strings (they may
 *   exceed 2^53), but Portier's counts and ids stay far below that;
 * - flags (boolean since migration 0033) as 1 and 0, as SQLite's INTEGER flags;
 * - instants (timestamptz) as the ISO string JavaScript writes, milliseconds and Z
 *   (`toISOString()`), as SQLite keeps them: the core compares and sorts them as text, and
 *   copy-to's checksums must see the same text on both sides.
 */
function portierValues(types: typeof PgTypes): { getTypeParser: typeof PgTypes.getTypeParser } {
  const asDate = types.getTypeParser(TIMESTAMPTZ, 'text') as (value: string) => unknown;
  const instant = (value: string) => {
    const parsed = asDate(value);
    // 'infinity' (no JavaScript Date): Portier never writes one; shown as PostgreSQL spells it rather than thrown.
    return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : value;
  };
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === BOOL) return (value: string) => (value === 't' ? 1 : 0);
    if (oid === TIMESTAMPTZ) return instant;
    return types.getTypeParser(oid, format);
  }) as typeof PgTypes.getTypeParser;
  return { getTypeParser };
}

/** The server answered the TLS request with "no": it offers no encrypted connections. */
export function isTlsUnsupported(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message);
}

/** A pool on the database at `url`, tried once; errors name the server without the password. */
export async function openPostgresDatabase(url: string): Promise<{ db: Kysely<Database>; pool: Pool }> {
  const shown = redactDatabaseUrl(url);
  // Loaded only when asked for: a desk on SQLite never loads the PostgreSQL driver.
  const { default: pg } = await import('pg');
  let pool: Pool;
  try {
    // TimeZone UTC: times the server turns into text (a cast, to_char) read as the core writes them.
    pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000, types: portierValues(pg.types), options: '-c TimeZone=UTC' });
  } catch (error) {
    throw new DatabaseConnectionError(`The database address ${shown} is not valid: ${withoutSecret(error, url)}`);
  }
  // An idle connection the server closed (a restart) is dropped by the pool; the next query opens another.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    // libpq's "prefer": encrypted when the server offers it, else plain (node-postgres has no such fallback itself).
    if (sslModeOf(url) === 'prefer' && isTlsUnsupported(error)) return openPostgresDatabase(withSslMode(url, 'disable'));
    throw new DatabaseConnectionError(`Could not connect to the database at ${shown}: ${withoutSecret(error, url)}`);
  }
  // Every committed write is announced to the other processes on the database (postgres-changes.ts).
  const changes = new DatabaseChanges();
  const db = retryingSerializationFailures(new Kysely<Database>({ dialect: new ChangeAnnouncingPostgresDialect({ pool }, changes) }));
  registerChanges(db, changes);
  return { db, pool };
}

/** The steps of `migrations` that have no PostgreSQL variant (every migration needs one). */
export function stepsWithoutPostgres(migrations: readonly Migration[]): Migration[] {
  return migrations.filter((step) => step.upPostgres === undefined);
}

/** Thrown when a migration step has no PostgreSQL variant (a step written for SQLite only); nothing was changed. */
export class PostgresSchemaMissingError extends Error {
  constructor(shownUrl: string, missing: readonly Migration[]) {
    const first = missing[0];
    const what = first
      ? `${missing.length} migration(s) have no PostgreSQL variant, from ${String(first.version).padStart(4, '0')}-${first.name}`
      : 'a migration has no PostgreSQL variant';
    super(`This Portier cannot bring the schema up to date on PostgreSQL: ${what} (database ${shownUrl}; nothing was changed).`);
    this.name = 'PostgresSchemaMissingError';
  }
}

/**
 * The database at `url` for the core, migrated like SQLite (one list of migrations, each step's
 * `upPostgres`); refused, untouched, while any step of `migrations` has no PostgreSQL variant.
 */
export async function openPostgresForCore(url: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Kysely<Database>> {
  const { db } = await openPostgresDatabase(url);
  try {
    const missing = stepsWithoutPostgres(migrations);
    if (missing.length > 0) throw new PostgresSchemaMissingError(redactDatabaseUrl(url), missing);
    await migrate(db as unknown as Kysely<unknown>, migrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/** What `check --database URL` reports: the server, whether Portier's schema is there, and how far its clock is from `clock`. */
export async function describePostgres(url: string, clock: () => number = Date.now): Promise<{ server: string; schemaVersion: number | null; clockOffsetMs: number }> {
  const { db } = await openPostgresDatabase(url);
  try {
    const { rows } = await sql<{ server: string }>`SELECT version() AS server`.execute(db);
    const present = await relationExists(db, SCHEMA_VERSION_TABLE);
    const clockOffsetMs = await serverClockOffsetMs(async () => Number((await sql.raw<{ ms: number }>(SERVER_CLOCK_SQL).execute(db)).rows[0]?.ms), clock);
    return { server: rows[0]?.server ?? 'unknown', schemaVersion: present ? await readVersionRow(db) : null, clockOffsetMs };
  } finally {
    await db.destroy();
  }
}
