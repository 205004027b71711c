import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0028', (opened) => (db = opened));

const insert = (messageId: string, channel?: string) =>
  channel === undefined
    ? sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, status, next_attempt_at, created_at, updated_at)
          VALUES (${messageId}, 'test', 'a@example.com', 's', '<p>h</p>', 't', 'queued', '2026-01-01', '2026-01-01', '2026-01-01')`.execute(db)
    : sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, status, next_attempt_at, created_at, updated_at, channel)
          VALUES (${messageId}, 'two-step-code', '+31612345678', 's', '', 't', 'queued', '2026-01-01', '2026-01-01', '2026-01-01', ${channel})`.execute(db);

it('0028 outbox SMS: rows before it are mails, an SMS row says so, any other channel is refused; the table stays STRICT', async () => {
  await migrate(db, MIGRATIONS.filter((m) => m.version < 28));
  await insert('<old@portier.local>');
  await migrateTo(db, 28);
  await insert('<sms@portier.local>', 'sms');
  const { rows } = await sql<{ message_id: string; channel: string }>`SELECT message_id, channel FROM outbox_mail ORDER BY id`.execute(db);
  expect(rows).toEqual([
    { message_id: '<old@portier.local>', channel: 'mail' },
    { message_id: '<sms@portier.local>', channel: 'sms' },
  ]);
  await expect(insert('<fax@portier.local>', 'fax')).rejects.toThrow(/CHECK constraint failed/);
  const strict = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'outbox_mail'`.execute(db);
  expect(strict.rows[0]?.strict).toBe(1);
  const index = await sql<{ name: string }>`SELECT name FROM pragma_index_list('outbox_mail') WHERE name = 'outbox_mail_channel_due'`.execute(db);
  expect(index.rows).toHaveLength(1);
});
