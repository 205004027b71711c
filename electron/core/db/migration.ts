import { sql, type Kysely } from 'kysely';

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

export async function readSchemaVersion(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}

/**
 * Brings the schema up to the newest migration. All pending steps run in one
 * transaction, so a failure leaves the database exactly as it was.
 */
export async function migrate(db: Kysely<unknown>, migrations: readonly Migration[]): Promise<{ from: number; to: number }> {
  // Numbers are handed out per change made in parallel, and a change may end up needing none:
  // so numbers only have to increase, and one may be missing.
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : (migrations[i - 1] as Migration).version;
    if (m.version <= previous) throw new Error(`Migration ${m.name} has version ${m.version}, expected more than ${previous}`);
  });
  const latest = migrations.at(-1)?.version ?? 0;
  const from = await readSchemaVersion(db);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { from, to: latest };
  const pending = migrations.filter((step) => step.version > from);
  // PRAGMA foreign_keys is a no-op inside a transaction: it is switched before BEGIN.
  const foreignKeysOff = pending.some((m) => m.rebuildsTables === true) && (await foreignKeysOn(db));
  if (foreignKeysOff) await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      for (const m of pending) await m.up(trx);
      if (foreignKeysOff) await assertForeignKeysHold(trx);
      // PRAGMA takes no bound parameters; latest is an integer we computed.
      await sql.raw(`PRAGMA user_version = ${latest}`).execute(trx);
    });
  } finally {
    if (foreignKeysOff) await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
  return { from, to: latest };
}

async function foreignKeysOn(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  return rows[0]?.foreign_keys === 1;
}

/** With foreign keys off, nothing stopped a step from breaking one: refuse to commit if it did. */
async function assertForeignKeysHold(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ table: string; parent: string }>`PRAGMA foreign_key_check`.execute(db);
  const first = rows[0];
  if (first) throw new Error(`Migration broke ${rows.length} foreign key(s), e.g. ${first.table} -> ${first.parent}; nothing was changed.`);
}
