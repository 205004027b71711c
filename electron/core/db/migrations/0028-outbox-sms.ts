import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The outbox carries text messages too (two-step login codes): `channel` says how a row leaves,
 * by mail over SMTP or by SMS through the gateway set in Settings. An SMS row keeps the phone
 * number in to_address, its text in `text` (and `subject`, for the outbox list), and no HTML.
 * The queue, leases, retries and secrets are the mails' own: one outbox, one worker. Rows
 * before this step are mails.
 */
export const migration0028: Migration = {
  version: 28,
  name: 'outbox-sms',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE outbox_mail ADD COLUMN channel TEXT NOT NULL DEFAULT 'mail' CHECK (channel IN ('mail', 'sms'))`.execute(db);
    // The worker asks per channel which rows are due (mails without SMTP wait while SMS go, and the reverse).
    await sql`CREATE INDEX outbox_mail_channel_due ON outbox_mail (channel, status, next_attempt_at)`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE outbox_mail ADD COLUMN channel text NOT NULL DEFAULT 'mail' CHECK (channel IN ('mail', 'sms'))`.execute(db);
    // The worker asks per channel which rows are due (mails without SMTP wait while SMS go, and the reverse).
    await sql`CREATE INDEX outbox_mail_channel_due ON outbox_mail (channel, status, next_attempt_at)`.execute(db);
  },
};
