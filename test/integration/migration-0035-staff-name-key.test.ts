import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { postgresDialect } from '../../electron/core/db/dialect/postgres';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migrateTo, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0035', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
/** Migrated up to 34; the tests take it further where they need to. */
const postgres = withPostgresMigrationDatabase(34);

const now = '2026-01-01T00:00:00.000Z';
const staffBefore = (db: Kysely<unknown>) =>
  sql`INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at)
      VALUES ('Émile Ørsted', 'e@x.nl', 'e@x.nl', 'h', 'staff', ${now}, ${now}), ('Łukasz Straße', 'l@x.nl', 'l@x.nl', 'h', 'staff', ${now}, ${now})`.execute(db);
const keys = async (db: Kysely<unknown>) => (await sql<{ name_key: string }>`SELECT name_key FROM staff ORDER BY id`.execute(db)).rows.map((r) => r.name_key);

it('0035 on SQLite keys the names of the staff users already there', async () => {
  await migrateTo(lite, 31);
  await staffBefore(lite);
  await migrateTo(lite, 35);
  expect(await keys(lite)).toEqual(['emile orsted', 'lukasz strasse']);
});

it.skipIf(!pgUp)(`0035 on PostgreSQL keys the names of the staff users already there, sorted bytewise${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  await staffBefore(db);
  await postgresDialect.migrate(db, MIGRATIONS.filter((m) => m.version <= 35));
  expect(await keys(db)).toEqual(['emile orsted', 'lukasz strasse']);
  const collation = await sql<{ collation_name: string }>`SELECT collation_name FROM information_schema.columns WHERE table_name = 'staff' AND column_name = 'name_key'`.execute(db);
  expect(collation.rows[0]?.collation_name).toBe('C');
});
