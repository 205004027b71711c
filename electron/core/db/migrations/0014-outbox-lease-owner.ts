import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * A mail in 'sending' records which process holds its lease, so a restarting sender frees
 * only its own mails (and expired leases) and never one that another process on the same
 * database (the customer portal beside the back office) is sending right now. Mails in
 * 'sending' before this step were claimed by the back office, the only sender until now.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'outbox-lease-owner',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE outbox_mail ADD COLUMN lease_owner TEXT`.execute(db);
    await sql`UPDATE outbox_mail SET lease_owner = 'back-office' WHERE status = 'sending'`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE outbox_mail ADD COLUMN lease_owner text`.execute(db);
  },
};
