import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The outbox: every mail is a row written in the transaction that causes it, sent after
 * commit by the worker. message_id is fixed at queue time so a resend after a crash carries
 * the same Message-ID. A secret the mail carries is kept only encrypted (secret_enc) and
 * scrubbed once the mail is sent or the secret has expired.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'outbox',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE outbox_mail (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        account_id INTEGER REFERENCES portal_account (id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        secret_enc TEXT,
        secret_expires_at TEXT,
        eml_written_at TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    // The worker's question: which rows are due now.
    await sql`CREATE INDEX outbox_mail_due ON outbox_mail (status, next_attempt_at)`.execute(db);
    await sql`CREATE INDEX outbox_mail_account ON outbox_mail (account_id)`.execute(db);
  },
};
