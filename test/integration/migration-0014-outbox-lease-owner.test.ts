import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0014', (opened) => (db = opened));

const insert = (messageId: string, status: string) =>
  sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, status, next_attempt_at, created_at, updated_at)
      VALUES (${messageId}, 'test', 'a@example.com', 's', '<p>h</p>', 't', ${status}, '2026-01-01', '2026-01-01', '2026-01-01')`.execute(db);

it('0014 outbox lease owner: mails in sending before it belong to the back office, the others to no one; the table stays STRICT', async () => {
  await migrate(db, MIGRATIONS.filter((m) => m.version < 14));
  await insert('<sending@portier.local>', 'sending');
  await insert('<queued@portier.local>', 'queued');
  await insert('<sent@portier.local>', 'sent');
  await migrateTo(db, 14);
  const { rows } = await sql<{ message_id: string; lease_owner: string | null }>`SELECT message_id, lease_owner FROM outbox_mail ORDER BY id`.execute(db);
  expect(rows).toEqual([
    { message_id: '<sending@portier.local>', lease_owner: 'back-office' },
    { message_id: '<queued@portier.local>', lease_owner: null },
    { message_id: '<sent@portier.local>', lease_owner: null },
  ]);
  const strict = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'outbox_mail'`.execute(db);
  expect(strict.rows[0]?.strict).toBe(1);
  await expect(sql`UPDATE outbox_mail SET lease_owner = x'00' WHERE id = 1`.execute(db)).rejects.toThrow(/cannot store BLOB value in TEXT column/);
});
