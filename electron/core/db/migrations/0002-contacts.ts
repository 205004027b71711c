import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/** Organisations (with an optional umbrella parent) and their contact persons. */
export const migration0002: Migration = {
  version: 2,
  name: 'contacts',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE organisation (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        customer_number TEXT UNIQUE,
        address_line1 TEXT,
        address_line2 TEXT,
        postal_code TEXT,
        city TEXT,
        country TEXT CHECK (country IS NULL OR length(country) = 2),
        language TEXT NOT NULL DEFAULT 'default' CHECK (language IN ('default', 'en', 'nl', 'de')),
        internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
        parent_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX organisation_name ON organisation (name COLLATE NOCASE)`.execute(db);
    await sql`CREATE INDEX organisation_parent ON organisation (parent_id)`.execute(db);
    await sql`
      CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        salutation TEXT,
        first_name TEXT,
        last_name TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        email TEXT,
        mobile TEXT,
        language TEXT NOT NULL DEFAULT 'default' CHECK (language IN ('default', 'en', 'nl', 'de')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX person_organisation ON person (organisation_id)`.execute(db);
    await sql`CREATE INDEX person_last_name ON person (last_name COLLATE NOCASE)`.execute(db);
    await sql`CREATE INDEX person_email ON person (email COLLATE NOCASE)`.execute(db);
  },
};
