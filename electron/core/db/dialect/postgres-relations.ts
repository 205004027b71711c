import { sql } from 'kysely';
import type { OnDatabase } from './of-database';

/**
 * Whether the table or view `name` exists on PostgreSQL (to_regclass). A statement naming a
 * missing relation fails, and inside a transaction takes the transaction down with it, so what
 * may be missing (the schema version table of an empty database, a catalogue view of a newer
 * server) is looked up first.
 */
export async function relationExists(db: OnDatabase, name: string): Promise<boolean> {
  // The driver reads booleans as 1/0, as SQLite gives them (postgres.ts).
  const { rows } = await sql<{ present: number }>`SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(db);
  return rows[0]?.present === 1;
}
