import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/** Application settings as key -> JSON value. */
export const migration0004: Migration = {
  version: 4,
  name: 'settings',
  async up(db: Kysely<unknown>) {
    await sql`CREATE TABLE setting (key TEXT PRIMARY KEY, value_json TEXT NOT NULL) STRICT`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`CREATE TABLE setting (key text PRIMARY KEY, value_json text NOT NULL)`.execute(db);
  },
};
