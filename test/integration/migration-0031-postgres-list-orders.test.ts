import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { expectSqliteUnchangedBy, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0031', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const postgres = withPostgresMigrationDatabase(LATEST_SCHEMA_VERSION);

it('0031 changes nothing on SQLite, whose indexes already give the lists their order', async () => {
  await expectSqliteUnchangedBy(lite, 31);
});

it.skipIf(!pgUp)(`0031 on PostgreSQL: the account list's sorts (empty first, then id) and the view-as list are index walks, not sorts${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  const definitions = (await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE indexname IN ('portal_account_person_sort', 'ticket_project_covering') ORDER BY indexname`.execute(db)).rows;
  expect(definitions[0]?.indexdef).toContain('NULLS FIRST, id)');
  expect(definitions[1]?.indexdef).toContain('INCLUDE (id)');
  const plan = async (query: string) =>
    db.transaction().execute(async (trx) => {
      // A new database has no rows to make an index worth it: forbid the sort, so the plan shows whether an index gives the order.
      await sql`SET LOCAL enable_sort = off`.execute(trx);
      return (await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`).execute(trx)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  for (const [order, index] of [
    [`lower(a.person_sort COLLATE "C") ASC NULLS FIRST, a.id ASC`, 'portal_account_person_sort'],
    [`lower(a.organisation_sort COLLATE "C") DESC NULLS LAST, a.id DESC`, 'portal_account_organisation_sort'],
    ['a.last_sign_in_at ASC NULLS FIRST, a.id ASC', 'portal_account_last_sign_in'],
  ] as const) {
    const shown = await plan(`SELECT a.id FROM portal_account a ORDER BY ${order} LIMIT 50`);
    expect(shown, order).toContain(index);
    expect(shown, order).not.toMatch(/\bSort\b/);
  }
});
