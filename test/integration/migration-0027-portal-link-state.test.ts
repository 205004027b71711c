import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0027', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';
const later = '2026-01-01T00:15:00.000Z';
const id = (c: string) => c.repeat(64);
const count = async () => (await sql<{ n: number }>`SELECT count(*) AS n FROM portal_link_state`.execute(db)).rows[0]?.n;

it('0027: a link state names its token (and dies with it), holds only a 64-hex id and one of two kinds', async () => {
  await migrateTo(db, 26);
  await sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (1, 'ana@example.com', 'ana@example.com', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account_token (id, account_id, kind, token_hash, expires_at, created_at) VALUES (7, 1, 'activation', ${id('f')}, ${later}, ${now})`.execute(db);

  await migrateTo(db, 27);

  expect((await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'portal_link_state'`.execute(db)).rows).toEqual([{ strict: 1 }]);
  await sql`INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES (${id('a')}, 'activation', 7, 'v1:sealed', ${now}, ${later})`.execute(db);
  await expect(sql`INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES (${id('a')}, 'activation', 7, 'x', ${now}, ${later})`.execute(db)).rejects.toThrow(/UNIQUE|PRIMARY/);
  await expect(sql`INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES ('short', 'activation', 7, 'x', ${now}, ${later})`.execute(db)).rejects.toThrow(/CHECK/);
  await expect(sql`INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES (${id('b')}, 'reset', 7, 'x', ${now}, ${later})`.execute(db)).rejects.toThrow(/CHECK/);
  await expect(sql`INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES (${id('c')}, 'activation', 99, 'x', ${now}, ${later})`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
  expect(await count()).toBe(1);

  // Deleting the account deletes its tokens, and with them the states that pointed at them.
  await sql`DELETE FROM portal_account WHERE id = 1`.execute(db);
  expect(await count()).toBe(0);
});
