import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDataDir } from '../support/core';

let data: ReturnType<typeof tempDataDir>;
let db: Kysely<unknown>;
beforeEach(() => {
  data = tempDataDir('portier-migration-0008-');
  db = kyselyFor(openSqlite(path.join(data.dir, 'portier.sqlite'))) as unknown as Kysely<unknown>;
});
afterEach(async () => {
  await db.destroy();
  data.remove();
});

const insert = (messageId: string, status: string) =>
  sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, status, next_attempt_at, created_at, updated_at)
      VALUES (${messageId}, 'test', 'a@example.com', 's', '<p>h</p>', 't', ${status}, '2026-01-01', '2026-01-01', '2026-01-01')`.execute(db);

it('0008 outbox: STRICT table, unique Message-ID, known statuses only, the due index', async () => {
  await migrate(db, MIGRATIONS.filter((m) => m.version <= 8));
  const { rows } = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'outbox_mail'`.execute(db);
  expect(rows[0]?.strict).toBe(1);
  await insert('<a@portier.local>', 'queued');
  await expect(insert('<a@portier.local>', 'queued')).rejects.toThrow(/UNIQUE/);
  await expect(insert('<b@portier.local>', 'lost')).rejects.toThrow(/CHECK/);
  const indexes = await sql<{ name: string }>`SELECT name FROM pragma_index_list('outbox_mail')`.execute(db);
  expect(indexes.rows.map((r) => r.name)).toContain('outbox_mail_due');
});
