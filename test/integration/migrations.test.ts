import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kyselyFor, openDatabase, openSqlite } from '../../electron/core/db/connection';
import { DatabaseTooNewError, migrate, readSchemaVersion, type Migration } from '../../electron/core/db/migration';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { BUILT_IN_GROUPS_0005 } from '../../electron/core/db/migrations/0005-role-groups';
import { BUILT_IN_ROLE_GROUPS } from '../../shared/permissions';
import { tempDataDir } from '../support/core';

let data: ReturnType<typeof tempDataDir>;
let db: Kysely<unknown>;
beforeEach(() => {
  data = tempDataDir('portier-migrations-');
  db = kyselyFor(openSqlite(path.join(data.dir, 'portier.sqlite'))) as unknown as Kysely<unknown>;
});
afterEach(async () => {
  await db.destroy();
  data.remove();
});

const upTo = (version: number) => migrate(db, MIGRATIONS.filter((m) => m.version <= version));
const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';

async function tableInfo(table: string): Promise<{ strict: number } | undefined> {
  const { rows } = await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = ${table}`.execute(db);
  return rows[0];
}

describe('migrations', () => {
  it('0001 staff: creates STRICT staff and sign-in failure tables with a case-insensitive email key', async () => {
    await upTo(1);
    expect(await readSchemaVersion(db)).toBe(1);
    expect(await tableInfo('staff')).toEqual({ strict: 1 });
    expect(await tableInfo('sign_in_failure')).toEqual({ strict: 1 });
    await run(sql`INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('A', 'A@x.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`);
    await expect(run(sql`INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('B', 'a@X.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`)).rejects.toThrow(/UNIQUE/);
    await expect(run(sql`INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('C', 'c@x.nl', 'c@x.nl', 'h', 'root', ${now}, ${now})`)).rejects.toThrow(/CHECK/);
  });

  it('0002 contacts: organisations and persons with restricting foreign keys', async () => {
    await upTo(2);
    expect(await tableInfo('organisation')).toEqual({ strict: 1 });
    expect(await tableInfo('person')).toEqual({ strict: 1 });
    await run(sql`INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, 'Org', ${now}, ${now})`);
    await run(sql`INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES (1, 'Jansen', ${now}, ${now})`);
    await expect(run(sql`DELETE FROM organisation WHERE id = 1`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(run(sql`INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES (99, 'X', ${now}, ${now})`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(run(sql`UPDATE organisation SET parent_id = 1 WHERE id = 1`)).rejects.toThrow(/CHECK/);
  });

  it('0003 audit log: append-only, enforced by the database', async () => {
    await upTo(3);
    await run(sql`INSERT INTO audit_log (at, entity, action) VALUES (${now}, 'person', 'created')`);
    await expect(run(sql`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(run(sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ action: string }>`SELECT action FROM audit_log`.execute(db);
    expect(rows).toEqual([{ action: 'created' }]);
  });

  it('0004 settings: a key/value table', async () => {
    await upTo(4);
    await run(sql`INSERT INTO setting (key, value_json) VALUES ('defaultLanguage', '"nl"')`);
    await expect(run(sql`INSERT INTO setting (key, value_json) VALUES ('defaultLanguage', '"de"')`)).rejects.toThrow(/UNIQUE|PRIMARY/);
  });

  it('0005 role groups: the four built-in tiers, frozen as the catalog still defines them', async () => {
    await upTo(5);
    expect(await tableInfo('role_group')).toEqual({ strict: 1 });
    const { rows } = await sql<{ name: string; built_in: number; keys: string }>`
      SELECT g.name, g.built_in, group_concat(p.permission_key, ' ') AS keys
      FROM role_group g JOIN role_group_permission p ON p.role_group_id = g.id GROUP BY g.id ORDER BY g.id`.execute(db);
    // A change to BUILT_IN_ROLE_GROUPS needs a new migration; this fails until one is written.
    expect(rows.map((r) => ({ name: r.name, builtIn: r.built_in, permissions: r.keys.split(' ').sort() }))).toEqual(
      BUILT_IN_ROLE_GROUPS.map((g) => ({ name: g.name, builtIn: 1, permissions: [...g.permissions].sort() })),
    );
    expect(BUILT_IN_GROUPS_0005.map((g) => g.name)).toEqual(BUILT_IN_ROLE_GROUPS.map((g) => g.name));
    await expect(run(sql`INSERT INTO role_group (name, name_key, created_at, updated_at) VALUES ('CLIENT', 'client', ${now}, ${now})`)).rejects.toThrow(/UNIQUE/);
  });

  it('0006 portal accounts: unique username key, one default link, restricting links, status stage and its kept tallies', async () => {
    await upTo(6);
    for (const table of ['portal_account', 'portal_account_link', 'portal_account_role_group', 'staff_preference']) {
      expect(await tableInfo(table), table).toEqual({ strict: 1 });
    }
    await run(sql`INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, 'Org', ${now}, ${now}), (2, 'Two', ${now}, ${now})`);
    const account = (id: number, key: string) =>
      sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (${id}, ${key.toUpperCase()}, ${key}, ${now}, ${now})`;
    await run(account(1, 'a@x.nl'));
    await expect(run(account(2, 'a@x.nl'))).rejects.toThrow(/UNIQUE/);
    await run(sql`INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES (1, 1, 1)`);
    await expect(run(sql`INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES (1, 2, 1)`)).rejects.toThrow(/UNIQUE/);
    await expect(run(sql`DELETE FROM organisation WHERE id = 1`)).rejects.toThrow(/FOREIGN KEY/);
    const stage = async () => (await sql<{ s: number }>`SELECT access_stage AS s FROM portal_account WHERE id = 1`.execute(db)).rows[0]?.s;
    expect(await stage()).toBe(0);
    await run(sql`UPDATE portal_account SET activation_sent_at = ${now} WHERE id = 1`);
    expect(await stage()).toBe(1);
    await run(sql`UPDATE portal_account SET activated_at = ${now} WHERE id = 1`);
    expect(await stage()).toBe(2);
    const tally = async () =>
      (await sql<{ k: string }>`SELECT access_stage || ':' || active || '=' || n AS k FROM portal_account_tally WHERE n > 0`.execute(db)).rows.map((r) => r.k);
    expect(await tally()).toEqual(['2:1=1']);
    await run(sql`UPDATE portal_account SET active = 0 WHERE id = 1`);
    expect(await tally()).toEqual(['2:0=1']);
    await run(sql`DELETE FROM portal_account WHERE id = 1`);
    expect(await tally()).toEqual([]);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account_link`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });
});

describe('the migration runner', () => {
  it('0011 letter template: the template table takes the activation letter and keeps the templates it had', async () => {
    await upTo(10);
    await run(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('welcome', 'nl', 'Welkom', '<p>Hoi</p>', ${now})`);
    await expect(run(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('activation-letter', 'nl', 'Brief', '<p>x</p>', ${now})`)).rejects.toThrow(/CHECK/);
    await upTo(11);
    expect(await tableInfo('mail_template')).toEqual({ strict: 1 });
    await run(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('activation-letter', 'nl', 'Brief', '<p>x</p>', ${now})`);
    await expect(run(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('memo', 'nl', 'x', 'x', ${now})`)).rejects.toThrow(/CHECK/);
    const { rows } = await sql<{ type: string; subject: string }>`SELECT type, subject FROM mail_template ORDER BY type`.execute(db);
    expect(rows).toEqual([
      { type: 'activation-letter', subject: 'Brief' },
      { type: 'welcome', subject: 'Welkom' },
    ]);
  });

  it('opens a database with foreign keys on, WAL and synchronous FULL', async () => {
    const { db: opened, sqlite } = await openDatabase(path.join(data.dir, 'opened.sqlite'));
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(20000);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await opened.destroy();
  });

  it('is idempotent', async () => {
    expect(await migrate(db, MIGRATIONS)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(await migrate(db, MIGRATIONS)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
  });

  it('refuses a database written by a newer Portier and leaves it untouched', async () => {
    await run(sql.raw('PRAGMA user_version = 999'));
    await expect(migrate(db, MIGRATIONS)).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(migrate(db, MIGRATIONS)).rejects.toThrow(/newer version of Portier/);
    expect(await readSchemaVersion(db)).toBe(999);
    const { rows } = await sql`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
    expect(rows).toEqual([]);
  });

  it('rolls every pending step back when one fails', async () => {
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      async up(trx) {
        await sql`CREATE TABLE half_done (id INTEGER) STRICT`.execute(trx);
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(trx);
      },
    };
    await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
    expect(await readSchemaVersion(db)).toBe(0);
    const { rows } = await sql`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
    expect(rows).toEqual([]);
  });
});
