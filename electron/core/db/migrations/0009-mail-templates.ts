import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Administrators' versions of the mail templates, one per type and language. A missing
 * row means the shipped default applies, so a reset is a delete and new defaults in a
 * later release reach every template nobody changed.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'mail-templates',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE mail_template (
        type TEXT NOT NULL CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome')),
        language TEXT NOT NULL CHECK (language IN ('en', 'nl', 'de')),
        subject TEXT NOT NULL,
        html TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        PRIMARY KEY (type, language)
      ) STRICT`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE mail_template (
        type text NOT NULL CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome')),
        language text NOT NULL CHECK (language IN ('en', 'nl', 'de')),
        subject text NOT NULL,
        html text NOT NULL,
        updated_at text NOT NULL,
        updated_by integer REFERENCES staff (id) ON DELETE SET NULL,
        PRIMARY KEY (type, language)
      )`.execute(db);
  },
};
