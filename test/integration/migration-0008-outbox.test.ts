import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0008', (opened) => (db = opened));

const insert = (messageId: string, status: string) =>
  sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, status, next_attempt_at, created_at, updated_at)
      VALUES (${messageId}, 'test', 'a@example.com', 's', '<p>h</p>', 't', ${status}, '2026-01-01', '2026-01-01', '2026-01-01')`.execute(db);

it('0008 outbox: STRICT table, unique Message-ID, known statuses only, the due index', async () => {
  await migrateTo(db, 8);
  const { rows } = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'outbox_mail'`.execute(db);
  expect(rows[0]?.strict).toBe(1);
  await insert('<a@portier.local>', 'queued');
  await expect(insert('<a@portier.local>', 'queued')).rejects.toThrow(/UNIQUE/);
  await expect(insert('<b@portier.local>', 'lost')).rejects.toThrow(/CHECK/);
  const indexes = await sql<{ name: string }>`SELECT name FROM pragma_index_list('outbox_mail')`.execute(db);
  expect(indexes.rows.map((r) => r.name)).toContain('outbox_mail_due');
});
