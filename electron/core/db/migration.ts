import { sql, type Kysely } from 'kysely';

/** One numbered schema step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
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
  // Numbers are reserved per change made in parallel, so a branch may lack the numbers before
  // its own for a while; they must only increase. (Merged, they are 1, 2, 3, ... again.)
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : (migrations[i - 1] as Migration).version;
    if (m.version <= previous) throw new Error(`Migration ${m.name} has version ${m.version}, expected more than ${previous}`);
  });
  const latest = migrations.at(-1)?.version ?? 0;
  const from = await readSchemaVersion(db);
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  if (from === latest) return { from, to: latest };
  await db.transaction().execute(async (trx) => {
    for (const m of migrations.filter((step) => step.version > from)) await m.up(trx);
    // PRAGMA takes no bound parameters; latest is an integer we computed.
    await sql.raw(`PRAGMA user_version = ${latest}`).execute(trx);
  });
  return { from, to: latest };
}
