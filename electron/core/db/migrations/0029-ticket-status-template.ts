import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The status-change mail to customers who follow a ticket (issue 12, point 7) is a template
 * like the others (type 'ticket-status'), so administrators may edit it per language: the
 * table's CHECK learns the new type. SQLite cannot change a CHECK in place, so the table is
 * rebuilt with its rows (as 0011 did); nothing references it.
 */
export const migration0029: Migration = {
  version: 29,
  name: 'ticket-status-template',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE mail_template_new (
        type TEXT NOT NULL CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome', 'activation-letter', 'ticket-status')),
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
  /** PostgreSQL changes the CHECK in place (as in 0011). */
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE mail_template DROP CONSTRAINT mail_template_type_check,
        ADD CONSTRAINT mail_template_type_check CHECK (type IN ('activation', 'set-password', 'password-changed', 'welcome', 'activation-letter', 'ticket-status'))`.execute(db);
  },
};
