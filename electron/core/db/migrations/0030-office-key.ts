import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * A shared office's keys (issue 13): on PostgreSQL every process of the office (desktops, browser
 * mode, the portal, the CLI) must encrypt secrets and hash codes under the same keys, so they
 * live in the office database, one row per key (office-keys/office-keys.ts). `material` is the
 * key in base64, or sealed under the operator's key (PORTIER_OFFICE_KEY_FILE). A desk on SQLite
 * keeps its keys in files of its data folder, outside the database file: there the table stays
 * empty, and exists only so that both databases have one schema.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'office-key',
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE office_key (name TEXT PRIMARY KEY, material TEXT NOT NULL, created_at TEXT NOT NULL) STRICT`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`CREATE TABLE office_key (name text PRIMARY KEY, material text NOT NULL, created_at text NOT NULL)`.execute(db);
  },
};
