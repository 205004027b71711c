import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0019', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';

it('0019 search document: every account keeps on its row the document the trigram index holds', async () => {
  await migrateTo(db, 18);
  await sql`INSERT INTO organisation (id, name, name_key, created_at, updated_at) VALUES (1, 'Ørsted Rådgivning AS', 'orsted radgivning as', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO person (id, organisation_id, first_name, last_name, email, name_key, search_key, created_at, updated_at)
            VALUES (1, 1, 'Håkon', 'Ørsted', 'h@orsted.no', 'orsted hakon', 'hakon orsted', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account (id, username, username_key, nickname, nickname_key, created_at, updated_at)
            VALUES (1, 'h@orsted.no', 'h@orsted.no', 'Håkon', 'hakon', ${now}, ${now}), (2, 'x@orsted.no', 'x@orsted.no', NULL, NULL, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (1, 1, 1, 1), (2, 1, NULL, 1)`.execute(db);

  await migrateTo(db, 19);

  expect((await sql`SELECT id, search_document FROM portal_account ORDER BY id`.execute(db)).rows).toEqual([
    { id: 1, search_document: 'h@orsted.no hakon orsted radgivning as hakon orsted' },
    { id: 2, search_document: 'x@orsted.no orsted radgivning as' },
  ]);
});
