import type { Kysely } from 'kysely';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Migration } from '../migration';
import type { SqlFragments } from './fragments';
import type { AccountSearch, SearchScope } from './account-search';
import type { Executor } from '../connection';
import type { RawBuilder } from 'kysely';

/** The databases Portier runs on: SQLite in the user data folder (one desk), PostgreSQL (a shared office). */
export type DialectName = 'sqlite' | 'postgres';

/**
 * What differs between SQLite and PostgreSQL, in one place, so that the rest of the core runs
 * unchanged on either (issue 13): the schema version, driver errors, the read cache's change
 * marker, and the pieces of SQL the two spell differently.
 */
export interface DatabaseDialect {
  readonly name: DialectName;
  /** The schema version the database has; 0 for an empty one. */
  readSchemaVersion(db: Kysely<unknown>): Promise<number>;
  /**
   * Brings the schema up to the newest of `migrations`, all pending steps in one transaction,
   * and records the version; refuses (DatabaseTooNewError) a database from a newer Portier.
   */
  migrate(db: Kysely<unknown>, migrations: readonly Migration[]): Promise<{ from: number; to: number }>;
  /** The driver's error as one of Portier's error codes, or null when it is none this dialect knows. */
  mapError(error: unknown): ErrorPayload | null;
  /**
   * Whose a lease is when a process in `role` (the back office, the portal) claims rows to work
   * on (the outbox's lease_owner): on SQLite the role, on PostgreSQL the role and the process
   * (lease-owner.ts says why).
   */
  leaseOwner(role: string): string;
  /**
   * A value that changes whenever data may have changed (by this process or another): the read
   * cache keeps an answer only while it stays the same.
   */
  changeMarker<DB>(db: Kysely<DB>): Promise<string>;
  /** For filling a new database in one go (seed-demo): fewer syncs where the database allows it on this connection. */
  relaxDurabilityForBulkLoad<DB>(db: Kysely<DB>): Promise<void>;
  /** The pieces of SQL this database spells its own way. */
  readonly sql: SqlFragments;
  /** The account list's text search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL): same accounts for the same data. */
  planAccountSearch(db: Executor, search: string, scope: SearchScope): Promise<AccountSearch>;
  /** Brings the search index of the accounts `ids` (a subquery) up to their documents, where the database keeps one apart. */
  refreshAccountSearch(trx: Executor, ids: RawBuilder<unknown>): Promise<void>;
  /**
   * A list takes its total from the page's own statement (count(*) OVER ()) where counting
   * apart would read the same rows twice. PostgreSQL reads every ticket of a contact's list for
   * a page anyway (the rights' projects, then a top-N sort), and counts an account search only
   * by reading each match (pg_trgm's index gives candidates, not counts), so the page is sorted
   * from the matches it counts. SQLite walks an index in the page's order and stops at the page,
   * and counts a search in its FTS5 index without reading the accounts.
   */
  readonly countsWithPage: boolean;
}

/** Every change runs in a transaction, so a full disk rolls it back whole: say so, not "something went wrong". */
export const DISK_FULL: ErrorPayload = { code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free some disk space and try again.' };

/** A foreign key refused the change: a delete of a row others still refer to (RESTRICT). */
export const IN_USE: ErrorPayload = { code: 'IN_USE', message: 'Other records still refer to this one.' };

/** A unique key refused the change: another writer got there first (the services check before they write). */
export const ALREADY_EXISTS: ErrorPayload = { code: 'CONFLICT', message: 'Another record already has this value; nothing was saved.' };

/** Two writers' transactions could not both be serialised (PostgreSQL: serialization failure, deadlock). */
export const CONCURRENT_CHANGE: ErrorPayload = { code: 'CONFLICT', message: 'Someone else changed the same records at the same moment; nothing was saved. Try again.' };
