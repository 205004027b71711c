import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { expectSqliteUnchangedBy, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0037', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const postgres = withPostgresMigrationDatabase(37);

it('0037 changes nothing on SQLite, whose FTS5 index counts a term’s rows itself', async () => {
  await expectSqliteUnchangedBy(lite, 37);
});

it.skipIf(!pgUp)(`0037 on PostgreSQL: ANALYZE samples the search documents with a target of 500, the trigram statistics with them${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  const { rows } = await sql<{ target: number }>`
    SELECT coalesce(attstattarget::int, -1) AS target FROM pg_attribute WHERE attrelid = 'portal_account'::regclass AND attname = 'search_document'`.execute(db);
  expect(rows[0]?.target).toBe(500);
  // The other columns keep the server's default.
  const { rows: others } = await sql<{ target: number }>`
    SELECT coalesce(attstattarget::int, -1) AS target FROM pg_attribute WHERE attrelid = 'portal_account'::regclass AND attname = 'username_key'`.execute(db);
  expect(others[0]?.target).toBe(-1);
});
