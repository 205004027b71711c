import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0016', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';

it('0016 search keys: existing organisations, persons and account search documents get folded keys, sortable through an index', async () => {
  await migrateTo(db, 15);
  await run(sql`INSERT INTO organisation (id, name, customer_number, city, created_at, updated_at) VALUES (1, 'Ørnstedt Consult ApS', 'DK-4711', 'Łódź', ${now}, ${now})`);
  await run(sql`INSERT INTO person (id, organisation_id, first_name, last_name, email, created_at, updated_at) VALUES (1, 1, 'Ștefan', 'Țurcanu', 'S@x.ro', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account (id, username, username_key, person_sort, organisation_sort, created_at, updated_at) VALUES (1, 'S@x.ro', 's@x.ro', 'Țurcanu Ștefan', 'Ørnstedt Consult ApS', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (1, 1, 1, 1)`);
  await run(sql`INSERT INTO portal_account_search (rowid, document) VALUES (1, 'S@x.ro Ørnstedt Consult ApS Ștefan Țurcanu S@x.ro')`);

  await migrateTo(db, 16);

  expect((await sql`SELECT name_key, search_key FROM organisation`.execute(db)).rows).toEqual([{ name_key: 'ornstedt consult aps', search_key: 'ornstedt consult aps\ndk-4711\nlodz' }]);
  expect((await sql`SELECT name_key, search_key FROM person`.execute(db)).rows).toEqual([{ name_key: 'turcanu stefan', search_key: 'stefan turcanu\nturcanu\ns@x.ro' }]);
  expect((await sql`SELECT person_sort, organisation_sort FROM portal_account`.execute(db)).rows).toEqual([{ person_sort: 'turcanu stefan', organisation_sort: 'ornstedt consult aps' }]);
  expect((await sql`SELECT rowid AS id FROM portal_account_search WHERE portal_account_search MATCH '"ornstedt"'`.execute(db)).rows).toEqual([{ id: 1 }]);
  const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM organisation ORDER BY name_key, id LIMIT 50`.execute(db);
  expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/organisation_name_key/);
  expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
});
