import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Single-use tokens of portal accounts: activation (link + letter code) and set-password
 * links. Only hashes are stored: the token's SHA-256 (it has 256 random bits) and the
 * code's HMAC under a key kept outside the database, so a dump opens no account.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'account-tokens',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE portal_account_token (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('activation', 'set-password')),
        token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        code_hash TEXT CHECK (code_hash IS NULL OR length(code_hash) = 64),
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        used_at TEXT,
        voided_at TEXT,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0)
      ) STRICT`.execute(db);
    // The open tokens of an account, to void them when a new one is issued or the password changes.
    await sql`
      CREATE INDEX portal_account_token_open ON portal_account_token (account_id)
      WHERE used_at IS NULL AND voided_at IS NULL`.execute(db);
  },
};
