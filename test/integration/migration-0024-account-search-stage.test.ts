import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0024', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';
const FAR = '2999-01-01T00:00:00.000Z';
const PAST = '2020-01-15T00:00:00.000Z';

const found = async (query: string) =>
  (await sql<{ id: number }>`SELECT rowid AS id FROM portal_account_search WHERE portal_account_search MATCH ${query} ORDER BY rowid`.execute(db)).rows.map((r) => r.id);

it('0024 search stage: the index holds every account\'s document and quick-filter stage, run-out invitations swept, and a trigger keeps the stage', async () => {
  await migrateTo(db, 21);
  await sql`INSERT INTO portal_account (id, username, username_key, search_document, activation_sent_at, activation_expires_at, activated_at, created_at, updated_at) VALUES
    (1, 'a.smit@x.nl', 'a.smit@x.nl', 'a.smit@x.nl', NULL, NULL, NULL, ${now}, ${now}),
    (2, 'b.smit@x.nl', 'b.smit@x.nl', 'b.smit@x.nl', ${now}, ${FAR}, NULL, ${now}, ${now}),
    (3, 'c.smit@x.nl', 'c.smit@x.nl', 'c.smit@x.nl', '2020-01-01T00:00:00.000Z', ${PAST}, NULL, ${now}, ${now}),
    (4, 'd.smit@x.nl', 'd.smit@x.nl', 'd.smit@x.nl', '2020-01-01T00:00:00.000Z', NULL, '2020-01-02T00:00:00.000Z', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account_search (rowid, document) SELECT id, search_document FROM portal_account`.execute(db);

  await migrateTo(db, 24);

  const rows = await sql`SELECT id, search_stage, lapsed_expiry FROM portal_account ORDER BY id`.execute(db);
  expect(rows.rows).toEqual([
    { id: 1, search_stage: 'new', lapsed_expiry: null },
    { id: 2, search_stage: 'inv', lapsed_expiry: null },
    { id: 3, search_stage: 'exp', lapsed_expiry: PAST },
    { id: 4, search_stage: 'act', lapsed_expiry: null },
  ]);
  expect(await found('document : "smit"')).toEqual([1, 2, 3, 4]);
  for (const [stage, ids] of [['new', [1]], ['inv', [2]], ['exp', [3]], ['act', [4]]] as const) {
    expect(await found(`document : "smit" AND stage : "${stage}"`), stage).toEqual(ids);
  }
  // The stage words are not in the documents.
  expect(await found('document : "inv"')).toEqual([]);

  // A new invitation (a new expiry) is 'inv' again, in the index too, with its document.
  await sql`UPDATE portal_account SET activation_sent_at = ${now}, activation_expires_at = ${FAR} WHERE id = 3`.execute(db);
  expect(await found('document : "c.smit" AND stage : "inv"')).toEqual([3]);
  expect(await found('stage : "exp"')).toEqual([]);
  // Activation moves it to 'act'; a change that keeps the stage keeps it.
  await sql`UPDATE portal_account SET activated_at = ${now} WHERE id = 2`.execute(db);
  await sql`UPDATE portal_account SET activation_expires_at = ${PAST} WHERE id = 1`.execute(db);
  expect(await found('stage : "act"')).toEqual([2, 4]);
  expect(await found('stage : "new"')).toEqual([1]);
  // Deleting an account still removes its index row.
  await sql`DELETE FROM portal_account WHERE id = 4`.execute(db);
  expect(await found('document : "smit"')).toEqual([1, 2, 3]);

  // What a sweep and the list's correction read: ranges of one index.
  const plan = await sql<{ detail: string }>`
    EXPLAIN QUERY PLAN SELECT id FROM portal_account WHERE access_stage = 1 AND search_stage = 'inv' AND activation_expires_at <= ${now}`.execute(db);
  expect(plan.rows.map((r) => r.detail)).toEqual(['SEARCH portal_account USING INDEX portal_account_search_stage_expires (search_stage=? AND activation_expires_at<?)']);
});
