import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0015', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';
const TABLES = ['staff', 'organisation', 'person', 'role_group', 'portal_account', 'portal_account_token', 'outbox_mail', 'document'];

async function seed(): Promise<void> {
  await run(sql`INSERT INTO staff (id, name, email, email_key, password_hash, role, created_at, updated_at) VALUES (1, 'Ada', 'ada@x.nl', 'ada@x.nl', 'h', 'administrator', ${now}, ${now})`);
  await run(sql`INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, 'Umbrella', ${now}, ${now})`);
  await run(sql`INSERT INTO organisation (id, name, parent_id, created_at, updated_at) VALUES (2, 'Child', 1, ${now}, ${now})`);
  await run(sql`INSERT INTO organisation (id, name, created_at, updated_at) VALUES (3, 'Temp Eins GmbH', ${now}, ${now})`);
  await run(sql`INSERT INTO person (id, organisation_id, last_name, created_at, updated_at) VALUES (1, 2, 'Jansen', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account (id, username, username_key, activation_sent_by, created_at, updated_at) VALUES (1, 'a@x.nl', 'a@x.nl', 1, ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (1, 2, 1, 1)`);
  await run(sql`INSERT INTO portal_account_role_group (account_id, role_group_id) VALUES (1, 1)`);
  await run(sql`INSERT INTO portal_account_search (rowid, document) VALUES (1, 'a@x.nl jansen child')`);
  await run(sql`INSERT INTO portal_account_token (account_id, kind, token_hash, expires_at, created_at, created_by) VALUES (1, 'activation', ${'a'.repeat(64)}, ${now}, ${now}, 1)`);
  await run(sql`INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, account_id, next_attempt_at, created_at, updated_at) VALUES ('<m@x>', 'activation', 'a@x.nl', 's', 'h', 't', 1, ${now}, ${now}, ${now})`);
  await run(sql`INSERT INTO document (account_id, kind, title, payload_enc, created_at, created_by) VALUES (1, 'activation-letter', 'Letter', 'enc', ${now}, 1)`);
  // Organisation 4 existed once and is gone (its id is in the audit log): it must not come back.
  await run(sql`INSERT INTO audit_log (at, staff_id, entity, entity_id, action) VALUES (${now}, 1, 'organisation', 4, 'deleted')`);
}

async function snapshot() {
  const schema = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
    SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name`.execute(db);
  const rows: Record<string, unknown[]> = {};
  for (const table of [...TABLES, 'portal_account_link', 'portal_account_role_group', 'portal_account_tally', 'audit_log']) {
    rows[table] = (await sql`SELECT * FROM ${sql.table(table)} ORDER BY rowid`.execute(db)).rows;
  }
  const fks: Record<string, unknown[]> = {};
  for (const table of TABLES) fks[table] = (await sql`SELECT * FROM pragma_foreign_key_list(${table})`.execute(db)).rows;
  return { schema: schema.rows, rows, fks };
}

it('0015 ids never reused: every table keeps its rows, indexes, triggers and foreign keys, and a deleted last id is not handed out again', async () => {
  await migrateTo(db, 14);
  await seed();
  const before = await snapshot();

  await migrateTo(db, 15);

  expect(await snapshot()).toEqual(before);
  expect((await sql`PRAGMA foreign_key_check`.execute(db)).rows).toEqual([]);
  expect((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys).toBe(1);
  for (const table of TABLES) {
    const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema WHERE name = ${table}`.execute(db);
    expect(rows[0]?.sql, table).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/);
  }

  // The sequence the issue names: delete the organisation with the highest id, create another.
  await run(sql`DELETE FROM organisation WHERE id = 3`);
  const { rows: created } = await sql<{ id: number }>`INSERT INTO organisation (name, created_at, updated_at) VALUES ('Temp Zwei AG', ${now}, ${now}) RETURNING id`.execute(db);
  expect(created[0]?.id).toBe(5); // not 3 (deleted now), not 4 (deleted before the migration)
  await run(sql`UPDATE portal_account_link SET person_id = NULL WHERE person_id = 1`);
  await run(sql`DELETE FROM person WHERE id = 1`);
  const { rows: person } = await sql<{ id: number }>`INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES (2, 'Nieuw', ${now}, ${now}) RETURNING id`.execute(db);
  expect(person[0]?.id).toBe(2);

  // Foreign keys still act: RESTRICT refuses, CASCADE and SET NULL follow the account, triggers count.
  await expect(run(sql`DELETE FROM organisation WHERE id = 1`)).rejects.toThrow(/FOREIGN KEY/);
  await run(sql`DELETE FROM portal_account WHERE id = 1`);
  expect((await sql`SELECT * FROM portal_account_role_group`.execute(db)).rows).toEqual([]);
  expect((await sql`SELECT * FROM portal_account_token`.execute(db)).rows).toEqual([]);
  expect((await sql<{ account_id: number | null }>`SELECT account_id FROM outbox_mail`.execute(db)).rows).toEqual([{ account_id: null }]);
  expect((await sql<{ account_id: number | null }>`SELECT account_id FROM document`.execute(db)).rows).toEqual([{ account_id: null }]);
  expect((await sql<{ n: number }>`SELECT sum(n) AS n FROM portal_account_tally`.execute(db)).rows[0]?.n).toBe(0);
  await expect(run(sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
});

it('0015 refuses to commit a rebuild that broke a foreign key, and leaves foreign keys on', async () => {
  await migrateTo(db, 14);
  await seed();
  const broken = { version: 15, name: 'breaks', rebuildsTables: true, up: (trx: Kysely<unknown>) => sql`DELETE FROM organisation WHERE id = 2`.execute(trx).then(() => undefined) };
  await expect(migrate(db, [...MIGRATIONS.filter((m) => m.version <= 14), broken])).rejects.toThrow(/foreign key/);
  expect((await sql<{ n: number }>`SELECT count(*) AS n FROM organisation`.execute(db)).rows[0]?.n).toBe(3);
  expect((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys).toBe(1);
});
