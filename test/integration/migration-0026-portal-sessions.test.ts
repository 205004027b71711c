import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0026', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';

it('0026: existing accounts get no two-step, status mails on, no required action; sessions die with their account; audit rows keep no account', async () => {
  await migrateTo(db, 21);
  await sql`INSERT INTO organisation (id, name, name_key, search_key, language, internal, created_at, updated_at) VALUES (1, 'Ørsted', 'orsted', 'orsted', 'default', 0, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (1, 'Ana@example.com', 'ana@example.com', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO audit_log (at, entity, entity_id, action) VALUES (${now}, 'portal-account', 1, 'created')`.execute(db);

  await migrateTo(db, 26);

  const account = await sql<Record<string, unknown>>`SELECT must_change_password, notify_status_changes, two_step_method, totp_secret FROM portal_account`.execute(db);
  expect(account.rows).toEqual([{ must_change_password: 0, notify_status_changes: 1, two_step_method: null, totp_secret: null }]);
  expect((await sql<{ account_id: number | null }>`SELECT account_id FROM audit_log`.execute(db)).rows).toEqual([{ account_id: null }]);
  expect((await sql<{ requires_two_step: number }>`SELECT requires_two_step FROM role_group LIMIT 1`.execute(db)).rows.every((r) => r.requires_two_step === 0)).toBe(true);

  await sql`INSERT INTO portal_session (token_hash, account_id, stage, organisation_id, security_stamp, created_at, last_seen_at, expires_at) VALUES ('h', 1, 'signed-in', 1, 1, ${now}, ${now}, ${now})`.execute(db);
  await expect(sql`INSERT INTO portal_session (token_hash, account_id, stage, security_stamp, created_at, last_seen_at, expires_at) VALUES ('h2', 1, 'half', 1, ${now}, ${now}, ${now})`.execute(db)).rejects.toThrow(/CHECK/);
  await expect(sql`INSERT INTO portal_session (token_hash, account_id, stage, security_stamp, created_at, last_seen_at, expires_at) VALUES ('h', 1, 'two-step', 1, ${now}, ${now}, ${now})`.execute(db)).rejects.toThrow(/UNIQUE/);
  await sql`DELETE FROM portal_account WHERE id = 1`.execute(db);
  expect((await sql<{ n: number }>`SELECT count(*) AS n FROM portal_session`.execute(db)).rows[0]?.n).toBe(0);
});
