import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/** Staff users of the back-office and the sign-in failure counter (kept per email, known or not). */
export const migration0001: Migration = {
  version: 1,
  name: 'staff',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('administrator', 'staff')),
        may_grant_access INTEGER NOT NULL DEFAULT 0 CHECK (may_grant_access IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'nl', 'de')),
        last_sign_in_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`
      CREATE TABLE sign_in_failure (
        email_key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until TEXT,
        last_failure_at TEXT NOT NULL
      ) STRICT`.execute(db);
  },
};
