import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Where the portal keeps an activation or set-password link for a few minutes once the customer
 * has opened it, so the token leaves the address bar (and any history, log or Referer that could
 * carry it) after the first request. The browser holds only a random cookie value; the row is
 * found by its SHA-256 (`id`), so a copy of the database opens nothing. The token itself is
 * sealed by the core's secret box (`token_enc`), and `token_id` lets a deleted token (or account)
 * take its states with it. In the database, not in a process's memory: the portal may run as
 * several processes, on one SQLite file or (later) on PostgreSQL.
 */
export const migration0027: Migration = {
  version: 27,
  name: 'portal-link-state',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE portal_link_state (
        id TEXT PRIMARY KEY CHECK (length(id) = 64),
        kind TEXT NOT NULL CHECK (kind IN ('activation', 'set-password')),
        token_id INTEGER NOT NULL REFERENCES portal_account_token (id) ON DELETE CASCADE,
        token_enc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_link_state_expires ON portal_link_state (expires_at)`.execute(db);
    await sql`CREATE INDEX portal_link_state_token ON portal_link_state (token_id)`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE portal_link_state (
        id text PRIMARY KEY CHECK (length(id) = 64),
        kind text NOT NULL CHECK (kind IN ('activation', 'set-password')),
        token_id integer NOT NULL REFERENCES portal_account_token (id) ON DELETE CASCADE,
        token_enc text NOT NULL,
        created_at text NOT NULL,
        expires_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX portal_link_state_expires ON portal_link_state (expires_at)`.execute(db);
    await sql`CREATE INDEX portal_link_state_token ON portal_link_state (token_id)`.execute(db);
  },
};
