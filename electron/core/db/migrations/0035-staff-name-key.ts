import { sql, type Kysely } from 'kysely';
import { searchKey } from '../../../../shared/text-key';
import type { Migration } from '../migration';

/** Fills name_key from name for every staff user (keyed in JavaScript: the folding needs Unicode tables). */
async function keyStaffNames(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; name: string }>`SELECT id, name FROM staff`.execute(db);
  for (const row of rows) await sql`UPDATE staff SET name_key = ${searchKey(row.name)} WHERE id = ${row.id}`.execute(db);
}

/**
 * A stored search and sort key for staff names (shared/text-key.ts), as organisations and persons
 * have since 0016: the staff list searched lower(name) LIKE ..., which folds ASCII only on SQLite
 * and all of Unicode on PostgreSQL, so "emile" found "Émile" on neither and "émile" on one of them.
 * With the key both databases find the same staff users: any part, any case, accents ignored.
 * The default '' keeps plain INSERTs working; the repository always writes the key.
 */
export const migration0035: Migration = {
  version: 35,
  name: 'staff-name-key',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE staff ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`.execute(db);
    await keyStaffNames(db);
  },
  /** PostgreSQL: the key sorts bytewise (COLLATE "C"), as SQLite's BINARY does. */
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE staff ADD COLUMN name_key text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
    await keyStaffNames(db);
  },
};
