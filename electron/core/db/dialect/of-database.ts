import { PostgresAdapter, type Kysely } from 'kysely';
import type { ErrorPayload } from '../../../../shared/errors';
import { DISK_FULL, type DatabaseDialect } from './index';
import type { SqlFragments } from './fragments';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';

/** A Kysely instance or a transaction on one, of any schema: all that tells the dialect. */
export type OnDatabase = Pick<Kysely<never>, 'getExecutor'>;

/** The dialect of a Kysely instance (or a transaction on one), from the adapter it was built with. */
export function dialectOf(db: OnDatabase): DatabaseDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}

/** The pieces of SQL for the database `db` runs on (a Kysely instance or a transaction on one). */
export function sqlFor(db: OnDatabase): SqlFragments {
  return dialectOf(db).sql;
}

/** The file system's "no space left on device" (a letter, an .eml file, SQLite's own file). */
const FILE_SYSTEM_FULL = 'ENOSPC';

/**
 * The error, or one it was caused by, as one of Portier's error codes: a driver error of either
 * dialect (their codes do not overlap: SQLITE_... and PostgreSQL's five-character SQLSTATE), or
 * a full file system. Null when it is none of them (the caller reports INTERNAL).
 */
export function mapDriverError(error: unknown): ErrorPayload | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === FILE_SYSTEM_FULL) return DISK_FULL;
    const mapped = sqliteDialect.mapError(e) ?? postgresDialect.mapError(e);
    if (mapped) return mapped;
  }
  return null;
}

