import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { postgresDialect } from '../../electron/core/db/dialect/postgres';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { migrateTo, expectSqliteUnchangedBy, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0033', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
/** Migrated up to 31; the tests take it further where they need to. */
const postgres = withPostgresMigrationDatabase(31);

const NOW = '2026-03-29T01:59:59.999Z';
const FAR = '2999-12-31T23:59:59.001Z';
const PAST = '2020-01-15T00:00:00.000Z';

/** The rows the test writes before 0033 and reads after it: what the core sees must not change. */
const ACCOUNTS = `SELECT id, active, must_change_password, notify_status_changes, activation_sent_at, activation_expires_at,
  activated_at, locked_until, lapsed_expiry, access_stage, search_stage, created_at FROM portal_account ORDER BY id`;

it('0033 changes nothing on SQLite, whose flags stay 0/1 INTEGER and times ISO TEXT', async () => {
  await expectSqliteUnchangedBy(lite, 33);
});

it.skipIf(!pgUp)(`0033 on PostgreSQL: rows written before read the same after, through Portier's driver; stages, tallies and partial indexes hold${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  await sql`INSERT INTO staff (name, email, email_key, password_hash, role, may_grant_access, active, created_at, updated_at)
    VALUES ('S', 's@x.nl', 's@x.nl', 'h', 'staff', 1, 0, ${NOW}, ${NOW})`.execute(db);
  await sql`INSERT INTO organisation (id, name, internal, created_at, updated_at) VALUES (1, 'Intern', 1, ${NOW}, ${NOW}), (2, 'Klant', 0, ${NOW}, ${NOW})`.execute(db);
  await sql`INSERT INTO portal_account (id, username, username_key, active, must_change_password, notify_status_changes, activation_sent_at, activation_expires_at, activated_at, locked_until, lapsed_expiry, created_at, updated_at) VALUES
    (1, 'a@x.nl', 'a@x.nl', 1, 0, 1, NULL, NULL, NULL, NULL, NULL, ${NOW}, ${NOW}),
    (2, 'b@x.nl', 'b@x.nl', 0, 1, 0, ${NOW}, ${FAR}, NULL, ${FAR}, NULL, ${NOW}, ${NOW}),
    (3, 'c@x.nl', 'c@x.nl', 0, 0, 1, ${PAST}, ${PAST}, NULL, NULL, ${PAST}, ${NOW}, ${NOW}),
    (4, 'd@x.nl', 'd@x.nl', 1, 0, 0, ${PAST}, NULL, ${PAST}, NULL, NULL, ${NOW}, ${NOW})`.execute(db);
  await sql`INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES (1, 1, 1), (1, 2, 0), (2, 2, 1)`.execute(db);
  const accountsBefore = (await sql.raw(ACCOUNTS).execute(db)).rows;
  const tallyBefore = (await sql`SELECT access_stage, active, n FROM portal_account_tally WHERE n > 0 ORDER BY 1, 2`.execute(db)).rows;
  expect(accountsBefore.map((a) => (a as { search_stage: string }).search_stage)).toEqual(['new', 'inv', 'exp', 'act']);

  await postgresDialect.migrate(db, MIGRATIONS);
  expect(await postgresDialect.readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);

  // The driver reads boolean as 1/0 and timestamptz as the ISO string with milliseconds: the same as before.
  expect((await sql.raw(ACCOUNTS).execute(db)).rows).toEqual(accountsBefore);
  expect((await sql`SELECT may_grant_access, active, created_at FROM staff`.execute(db)).rows).toEqual([{ may_grant_access: 1, active: 0, created_at: NOW }]);
  expect((await sql`SELECT id, internal FROM organisation ORDER BY id`.execute(db)).rows).toEqual([{ id: 1, internal: 1 }, { id: 2, internal: 0 }]);
  expect((await sql`SELECT account_id, organisation_id, is_default FROM portal_account_link ORDER BY 1, 2`.execute(db)).rows).toEqual([
    { account_id: 1, organisation_id: 1, is_default: 1 },
    { account_id: 1, organisation_id: 2, is_default: 0 },
    { account_id: 2, organisation_id: 2, is_default: 1 },
  ]);
  const types = (await sql<{ column_name: string; data_type: string }>`
    SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'portal_account'
      AND column_name IN ('active', 'activated_at', 'lapsed_expiry', 'access_stage') ORDER BY column_name`.execute(db)).rows;
  expect(types).toEqual([
    { column_name: 'access_stage', data_type: 'integer' },
    { column_name: 'activated_at', data_type: 'timestamp with time zone' },
    { column_name: 'active', data_type: 'boolean' },
    { column_name: 'lapsed_expiry', data_type: 'timestamp with time zone' },
  ]);

  // The tally trigger, made again, still counts the boolean flag under the tallies' integer key.
  expect((await sql`SELECT access_stage, active, n FROM portal_account_tally WHERE n > 0 ORDER BY 1, 2`.execute(db)).rows).toEqual(tallyBefore);
  await sql`UPDATE portal_account SET active = ${0}, activated_at = ${NOW} WHERE id = 1`.execute(db);
  await sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (5, 'e@x.nl', 'e@x.nl', ${NOW}, ${NOW})`.execute(db);
  await sql`DELETE FROM portal_account WHERE id = 3`.execute(db);
  const recount = await sql`SELECT access_stage, active::integer AS active, count(*)::integer AS n FROM portal_account GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
  expect((await sql`SELECT access_stage, active, n FROM portal_account_tally WHERE n > 0 ORDER BY 1, 2`.execute(db)).rows).toEqual(recount.rows);

  // One default link per account still (the partial unique index on the boolean); a 2 is no flag.
  await expect(sql`INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES (2, 1, ${1})`.execute(db)).rejects.toMatchObject({ code: '23505' });
  await expect(sql`UPDATE staff SET active = ${2}`.execute(db)).rejects.toMatchObject({ code: '22P02' });
  await expect(sql`UPDATE staff SET created_at = ${'yesterday-ish'}`.execute(db)).rejects.toMatchObject({ code: '22007' });

  const indexes = (await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('portal_account_inactive', 'portal_account_link_one_default', 'portal_account_search_stage_expires', 'portal_account_locked', 'portal_account_stage_expires', 'portal_account_stage_username')
    ORDER BY indexname`.execute(db)).rows;
  expect(indexes.map((i) => i.indexname)).toEqual([
    'portal_account_inactive', 'portal_account_link_one_default', 'portal_account_locked', 'portal_account_search_stage_expires', 'portal_account_stage_expires', 'portal_account_stage_username',
  ]);
  expect(indexes[0]?.indexdef).toContain('WHERE (NOT active)');
  expect(indexes[1]?.indexdef).toContain('WHERE is_default');
  // Among thousands of open invitations, the few deactivated ones are found through their partial
  // index, the condition spelt as sqlFor(db).flag spells it (NOT active).
  await sql`INSERT INTO portal_account (id, username, username_key, activation_sent_at, activation_expires_at, created_at, updated_at)
    SELECT 100 + g, 'u' || g || '@x.nl', 'u' || g || '@x.nl', ${NOW}, ${FAR}, ${NOW}, ${NOW} FROM generate_series(1, 5000) AS g`.execute(db);
  await sql`ANALYZE portal_account`.execute(db);
  const plan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT count(*) FROM portal_account a WHERE (NOT a.active) AND a.access_stage = 1`.execute(db)).rows;
  expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('portal_account_inactive');
});

it.skipIf(!pgUp)(`0033 on PostgreSQL: every flag of SQLite's schema is boolean and every instant timestamptz; days stay text${skip}`, async () => {
  const db = postgres.get() as Kysely<unknown>;
  await postgresDialect.migrate(db, MIGRATIONS);
  // Every step, so that the flags and times of the steps before 0033 (0032's jobs) are checked too.
  await migrateTo(lite, LATEST_SCHEMA_VERSION);
  // SQLite's flags are the INTEGER columns held to 0 or 1 by a CHECK; the tallies' `active` is a count's key, without one.
  const flags: string[] = [];
  const instants: string[] = [];
  const days: string[] = [];
  const tables = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'portal_account_search%'`.execute(lite)).rows;
  for (const table of tables) {
    for (const match of table.sql.matchAll(/\b(\w+)\s+INTEGER\b[^,]*\bCHECK\s*\(\s*\1\s+IN\s*\(\s*0\s*,\s*1\s*\)\s*\)/gi)) flags.push(`${table.name}.${match[1]}`);
    const columns = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table.name})`.execute(lite)).rows.map((r) => r.name);
    for (const column of columns) {
      if (/(^at|_at|_until|_expiry)$/.test(column)) instants.push(`${table.name}.${column}`);
      if (/(_date|_on)$/.test(column)) days.push(`${table.name}.${column}`);
    }
  }
  expect(flags.length).toBe(14);
  expect(instants.length).toBeGreaterThan(60);
  expect(days.sort()).toEqual(['hour_card.purchased_on', 'time_entry.work_date']);
  const pgTypes = new Map(
    (await sql<{ col: string; data_type: string }>`
      SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns WHERE table_schema = current_schema()`.execute(db)).rows.map((r) => [r.col, r.data_type]),
  );
  expect(flags.filter((c) => pgTypes.get(c) !== 'boolean')).toEqual([]);
  expect(instants.filter((c) => pgTypes.get(c) !== 'timestamp with time zone')).toEqual([]);
  expect(days.filter((c) => pgTypes.get(c) !== 'text')).toEqual([]);
  // Nothing else became boolean or timestamptz.
  const changed = [...pgTypes].filter(([, type]) => type === 'boolean' || type === 'timestamp with time zone').map(([col]) => col);
  expect(changed.sort()).toEqual([...flags, ...instants].sort());
  expect(pgTypes.get('portal_account_tally.active')).toBe('integer');
});
