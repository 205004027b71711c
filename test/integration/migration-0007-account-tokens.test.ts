import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0007', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';
const hash = (c: string) => c.repeat(64);

const token = (id: number, kind: string, tokenHash: string, codeHash: string | null = null, accountId = 1) =>
  sql`INSERT INTO portal_account_token (id, account_id, kind, token_hash, code_hash, expires_at, created_at, created_by)
      VALUES (${id}, ${accountId}, ${kind}, ${tokenHash}, ${codeHash}, ${now}, ${now}, 1)`;

it('0007 account tokens: STRICT, hashes only (64 hex long, unique), two kinds, gone with their account, kept when staff leave', async () => {
  await migrateTo(db, 7);
  const strict = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'portal_account_token'`.execute(db);
  expect(strict.rows[0]?.strict).toBe(1);
  await run(sql`INSERT INTO staff (id, name, email, email_key, password_hash, role, created_at, updated_at) VALUES (1, 'A', 'a@x.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (1, 'c@x.nl', 'c@x.nl', ${now}, ${now})`);

  await run(token(1, 'activation', hash('a'), hash('b')));
  await run(token(2, 'set-password', hash('c')));
  await expect(run(token(3, 'activation', hash('a')))).rejects.toThrow(/UNIQUE/);
  await expect(run(token(3, 'magic-link', hash('d')))).rejects.toThrow(/CHECK/);
  await expect(run(token(3, 'activation', 'plain-token'))).rejects.toThrow(/CHECK/);
  await expect(run(token(3, 'activation', hash('e'), '1234-5678'))).rejects.toThrow(/CHECK/);
  await expect(run(token(3, 'activation', hash('f'), null, 99))).rejects.toThrow(/FOREIGN KEY/);
  await expect(run(sql`UPDATE portal_account_token SET failed_attempts = -1 WHERE id = 1`)).rejects.toThrow(/CHECK/);
  const defaults = await sql<{ failed_attempts: number; used_at: string | null; voided_at: string | null }>`SELECT failed_attempts, used_at, voided_at FROM portal_account_token WHERE id = 1`.execute(db);
  expect(defaults.rows).toEqual([{ failed_attempts: 0, used_at: null, voided_at: null }]);

  // The open-token index serves "void this account's open tokens".
  const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM portal_account_token WHERE account_id = 1 AND used_at IS NULL AND voided_at IS NULL`.execute(db);
  expect(plan.rows.map((r) => r.detail).join(' ')).toContain('portal_account_token_open');

  await run(sql`DELETE FROM staff WHERE id = 1`);
  const kept = await sql<{ id: number; created_by: number | null }>`SELECT id, created_by FROM portal_account_token ORDER BY id`.execute(db);
  expect(kept.rows).toEqual([
    { id: 1, created_by: null },
    { id: 2, created_by: null },
  ]);
  await run(sql`DELETE FROM portal_account WHERE id = 1`);
  const left = await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account_token`.execute(db);
  expect(left.rows[0]?.n).toBe(0);
});
