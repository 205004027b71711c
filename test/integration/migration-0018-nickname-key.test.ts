import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0018', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';
const found = async (phrase: string) =>
  (await sql<{ id: number }>`SELECT rowid AS id FROM portal_account_search WHERE portal_account_search MATCH ${`"${phrase}"`}`.execute(db)).rows.map((r) => r.id);

it('0018 nickname key: a nickname with ø, æ or ł is found by its folded form, other documents stay as they were', async () => {
  await migrateTo(db, 17);
  await sql`INSERT INTO organisation (id, name, name_key, created_at, updated_at) VALUES (1, 'Fjord AS', 'fjord as', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account (id, username, username_key, nickname, created_at, updated_at) VALUES (1, 'b@fjord.no', 'b@fjord.no', 'Bjørn Ærø', ${now}, ${now}), (2, 'c@fjord.no', 'c@fjord.no', NULL, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (1, 1, NULL, 1), (2, 1, NULL, 1)`.execute(db);
  await sql`INSERT INTO portal_account_search (rowid, document) VALUES (1, 'b@fjord.no Bjørn Ærø fjord as'), (2, 'c@fjord.no fjord as')`.execute(db);
  expect(await found('bjorn aero')).toEqual([]);

  await migrateTo(db, 18);

  expect((await sql`SELECT id, nickname_key FROM portal_account ORDER BY id`.execute(db)).rows).toEqual([
    { id: 1, nickname_key: 'bjorn aero' },
    { id: 2, nickname_key: null },
  ]);
  expect(await found('bjorn aero')).toEqual([1]);
  expect(await found('fjord as')).toEqual([1, 2]);
});
