import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0030', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';

it('0030 office key: one row per key name, material and creation time required; STRICT, and empty on a desk', async () => {
  await migrateTo(db, 29);
  await migrateTo(db, 30);
  expect((await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'office_key'`.execute(db)).rows).toEqual([{ strict: 1 }]);
  expect((await sql`SELECT * FROM office_key`.execute(db)).rows).toEqual([]);
  await sql`INSERT INTO office_key (name, material, created_at) VALUES ('secret-box', 'key:AAAA', ${now})`.execute(db);
  await expect(sql`INSERT INTO office_key (name, material, created_at) VALUES ('secret-box', 'key:BBBB', ${now})`.execute(db)).rejects.toThrow(/UNIQUE|PRIMARY/);
  await expect(sql`INSERT INTO office_key (name, material, created_at) VALUES ('code-hash', NULL, ${now})`.execute(db)).rejects.toThrow(/NOT NULL/);
  expect((await sql<{ material: string }>`SELECT material FROM office_key`.execute(db)).rows).toEqual([{ material: 'key:AAAA' }]);
});
