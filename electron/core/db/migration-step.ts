import type { Kysely } from 'kysely';

/** One numbered schema step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
  /**
   * The same step on PostgreSQL (issue 13), written next to `up` where the DDL differs. The
   * PostgreSQL dialect runs this instead of `up` and refuses a database while any step lacks it.
   * The variants of 0001-0029 create the schema only: PostgreSQL opens only once all exist, so
   * they run on an empty database (data comes with copy-to) and skip SQLite's backfills of old rows.
   * A later step runs on databases with data and must do both, as its `up` does.
   */
  upPostgres?(db: Kysely<unknown>): Promise<void>;
  /**
   * The step rebuilds tables that others reference (SQLite cannot ALTER a primary key or
   * a CHECK in place). Foreign keys are then off while the steps run, because dropping the
   * old table would otherwise fire ON DELETE actions on its children; they are checked as
   * a whole before the commit instead (SQLite's documented procedure for schema changes).
   */
  rebuildsTables?: boolean;
}

/** Thrown when the database was written by a newer Portier than this one. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of Portier (schema ${databaseVersion}; this Portier knows up to ${appVersion}). ` +
        'Update Portier before opening it; the database was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

