import { sql, type Kysely } from 'kysely';
import { DatabaseTooNewError, type Migration } from '../migration-step';

/*
 * Migrations on SQLite: the schema version in PRAGMA user_version, all pending steps in one
 * transaction, foreign keys switched off around steps that rebuild tables.
 */

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
