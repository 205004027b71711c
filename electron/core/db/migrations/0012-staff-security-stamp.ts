import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Staff get a security stamp like portal accounts: it goes up when a staff user's
 * password, role or active flag changes, and every session signed in under an older
 * stamp ends. The sign-in failure counter gets an index for pruning quiet counters.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'staff-security-stamp',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE staff ADD COLUMN security_stamp INTEGER NOT NULL DEFAULT 0`.execute(db);
    await sql`CREATE INDEX sign_in_failure_last_failure_at ON sign_in_failure (last_failure_at)`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE staff ADD COLUMN security_stamp integer NOT NULL DEFAULT 0`.execute(db);
    await sql`CREATE INDEX sign_in_failure_last_failure_at ON sign_in_failure (last_failure_at)`.execute(db);
  },
};
