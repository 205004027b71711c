import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The activation letter's text becomes a template like the mails (type 'activation-letter'):
 * the table's CHECK learns the new type. SQLite cannot change a CHECK in place, so the
 * table is rebuilt with its rows.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'letter-template',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE mail_template_new (
        type TEXT NOT NULL CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome', 'activation-letter')),
        language TEXT NOT NULL CHECK (language IN ('en', 'nl', 'de')),
        subject TEXT NOT NULL,
        html TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        PRIMARY KEY (type, language)
      ) STRICT`.execute(db);
    await sql`INSERT INTO mail_template_new (type, language, subject, html, updated_at, updated_by)
      SELECT type, language, subject, html, updated_at, updated_by FROM mail_template`.execute(db);
    await sql`DROP TABLE mail_template`.execute(db);
    await sql`ALTER TABLE mail_template_new RENAME TO mail_template`.execute(db);
  },
  /** PostgreSQL changes a CHECK in place. */
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE mail_template DROP CONSTRAINT mail_template_type_check,
        ADD CONSTRAINT mail_template_type_check CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome', 'activation-letter'))`.execute(db);
  },
};
