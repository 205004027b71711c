import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TableWriteRecorder } from '../support/table-writes';

interface Tables {
  account: { id: number; name: string };
  link: { account_id: number; organisation: string };
  note: { id: number; text: string };
}

let recorder: TableWriteRecorder;
let db: Kysely<Tables>;
beforeEach(async () => {
  recorder = new TableWriteRecorder();
  db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await sql`CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE link (account_id INTEGER NOT NULL, organisation TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(db);
  db = db.withPlugin(recorder);
});
afterEach(() => db.destroy());

it('sees the tables of query-builder writes, aliased ones and those in a transaction, and not reads', async () => {
  await db.selectFrom('account').selectAll().execute();
  expect(recorder.take()).toEqual([]);
  await db.insertInto('account').values({ id: 1, name: 'a' }).execute();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account as a').set({ name: 'b' }).where('a.id', '=', 1).execute();
    await trx.deleteFrom('link').where('account_id', '=', 1).execute();
  });
  expect(recorder.take()).toEqual(['account', 'link']);
});

it('sees the tables of raw sql writes: insert or replace, replace, a delete after a WITH, an upsert', async () => {
  await sql`INSERT OR REPLACE INTO note (id, text) VALUES (1, 'x')`.execute(db);
  expect(recorder.take()).toEqual(['note']);
  await sql`REPLACE INTO "account" (id, name) VALUES (2, 'y')`.execute(db);
  expect(recorder.take()).toEqual(['account']);
  await sql`WITH gone AS (SELECT id FROM account) DELETE FROM link WHERE account_id IN (SELECT id FROM gone)`.execute(db);
  expect(recorder.take()).toEqual(['link']);
  await sql`INSERT INTO note (id, text) VALUES (1, 'z') ON CONFLICT (id) DO UPDATE SET text = excluded.text`.execute(db);
  expect(recorder.take()).toEqual(['note']);
  await sql`SELECT count(*) FROM note WHERE text <> 'UPDATE account'`.execute(db);
  expect(recorder.take()).toEqual([]);
});
