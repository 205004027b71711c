import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0010', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';

const letter = (id: number, accountId: number | null, kind = 'activation-letter', payload: string | null = 'v1:encrypted') =>
  sql`INSERT INTO document (id, account_id, kind, title, postal_code, payload_enc, created_at, created_by)
      VALUES (${id}, ${accountId}, ${kind}, 'Activation letter', '1011 AB', ${payload}, ${now}, 1)`;

it('0010 documents: STRICT, activation letters only, an encrypted payload required, kept when their account or author goes', async () => {
  await migrateTo(db, 10);
  const strict = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'document'`.execute(db);
  expect(strict.rows[0]?.strict).toBe(1);
  const indexes = await sql<{ name: string }>`SELECT name FROM pragma_index_list('document') ORDER BY name`.execute(db);
  expect(indexes.rows.map((r) => r.name)).toEqual(['document_account', 'document_created']);
  await run(sql`INSERT INTO staff (id, name, email, email_key, password_hash, role, created_at, updated_at) VALUES (1, 'A', 'a@x.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (1, 'c@x.nl', 'c@x.nl', ${now}, ${now})`);

  await run(letter(1, 1));
  await run(letter(2, null));
  await expect(run(letter(3, 1, 'invoice'))).rejects.toThrow(/CHECK/);
  await expect(run(letter(3, 1, 'activation-letter', null))).rejects.toThrow(/NOT NULL/);
  await expect(run(letter(3, 99))).rejects.toThrow(/FOREIGN KEY/);
  await expect(run(sql`UPDATE document SET created_at = x'00' WHERE id = 1`)).rejects.toThrow(/cannot store BLOB value in TEXT column/);

  await run(sql`DELETE FROM portal_account WHERE id = 1`);
  await run(sql`DELETE FROM staff WHERE id = 1`);
  const kept = await sql<{ id: number; account_id: number | null; created_by: number | null }>`SELECT id, account_id, created_by FROM document ORDER BY id`.execute(db);
  expect(kept.rows).toEqual([
    { id: 1, account_id: null, created_by: null },
    { id: 2, account_id: null, created_by: null },
  ]);
});
