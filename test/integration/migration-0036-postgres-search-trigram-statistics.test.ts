import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { expectSqliteUnchangedBy, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0036', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const postgres = withPostgresMigrationDatabase(36);

it('0036 changes nothing on SQLite, whose FTS5 index reads a term’s own positions', async () => {
  await expectSqliteUnchangedBy(lite, 36);
});

it.skipIf(!pgUp)(`0036 on PostgreSQL: statistics of the documents' trigrams, filled by ANALYZE with each trigram's share${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  const at = '2026-12-06T12:00:00.000Z';
  for (let i = 0; i < 300; i++) {
    await sql`INSERT INTO portal_account (username, username_key, search_document, created_at, updated_at) VALUES (${`u${i}@org${i % 5}.example`}, ${`u${i}@org${i % 5}.example`}, ${`u${i}@org${i % 5}.example`}, ${at}, ${at})`.execute(db);
  }
  await sql`ANALYZE portal_account`.execute(db);
  const { rows } = await sql<{ elements: string[]; shares: number[] }>`
    SELECT most_common_elems::text::text[] AS elements, most_common_elem_freqs AS shares FROM pg_stats_ext_exprs WHERE statistics_name = 'portal_account_search_trigrams'`.execute(db);
  const share = new Map(rows[0]?.elements.map((element, i) => [element, rows[0]?.shares[i]]));
  // "exa" is in every document, "org" too; a username's own digits are in few.
  expect(share.get('exa')).toBe(1);
  expect(share.get('org')).toBe(1);
  expect(share.get('u17') ?? 0).toBeLessThan(0.1);
});
