import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0012', (opened) => (db = opened));

it('0012 staff security stamp: existing staff start at stamp 0, the table stays STRICT, failures get a pruning index', async () => {
  await migrateTo(db, 11);
  const now = '2026-01-01T00:00:00.000Z';
  await sql`INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('A', 'a@x.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`.execute(db);
  await migrateTo(db, 12);
  const { rows } = await sql<{ security_stamp: number }>`SELECT security_stamp FROM staff`.execute(db);
  expect(rows).toEqual([{ security_stamp: 0 }]);
  await expect(sql`UPDATE staff SET security_stamp = 'x'`.execute(db)).rejects.toThrow(/cannot store TEXT/);
  const index = await sql<{ name: string }>`SELECT name FROM pragma_index_list('sign_in_failure') WHERE name = 'sign_in_failure_last_failure_at'`.execute(db);
  expect(index.rows).toHaveLength(1);
});
