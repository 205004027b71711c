import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { openPostgresDatabase, postgresDialect, stepsWithoutPostgres } from '../../electron/core/db/dialect/postgres';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { BUILT_IN_GROUPS_0005 } from '../../electron/core/db/migrations/0005-role-groups';
import { tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13, second slice: one list of migrations, each with its PostgreSQL variant next to the
 * SQLite DDL. The steps that have one are migrated on a throwaway PostgreSQL database and on a
 * SQLite file side by side: the same tables, columns, foreign keys (with the same ON DELETE),
 * indexes and triggers; then the constraints are tried on PostgreSQL itself. Where they differ on
 * purpose since 0033: flags are boolean (no 0/1 CHECK), times timestamptz, and the generated
 * columns that 0033 made again stand last.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

/** The steps with a PostgreSQL variant: every one (the first test says so). */
const withVariant = MIGRATIONS.filter((m) => m.upPostgres !== undefined);
const reached = withVariant.at(-1)?.version ?? 0;

let database: ThrowawayDatabase;
let pgDb: Kysely<unknown>;
let c: pg.Client;
let data: ReturnType<typeof tempDataDir>;
let sqliteDb: Kysely<unknown>;
beforeAll(async () => {
  data = tempDataDir('portier-pg-schema-');
  sqliteDb = kyselyFor(openSqlite(path.join(data.dir, 'portier.sqlite'))) as unknown as Kysely<unknown>;
  await migrate(sqliteDb, withVariant);
  if (!pgUp) return;
  database = await throwawayDatabase();
  pgDb = (await openPostgresDatabase(database.url)).db as unknown as Kysely<unknown>;
  await postgresDialect.migrate(pgDb, withVariant);
  c = new pg.Client({ connectionString: database.url });
  await c.connect();
});
afterAll(async () => {
  await sqliteDb.destroy();
  data.remove();
  if (!pgUp) return;
  await c.end();
  await pgDb.destroy();
  await database.drop();
});

/** The driver's error of a statement that must fail. */
async function failureOf(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the statement to fail');
}

const now = '2026-01-01T00:00:00.000Z';

/**
 * What the PostgreSQL variants leave out on purpose; everything else must match SQLite. The
 * accounts' FTS5 index (with its shadow tables) and the triggers that keep it: PostgreSQL
 * searches the document on the account's row through a pg_trgm index instead.
 */
const isSqliteOnlyTable = (name: string) => name === 'portal_account_search' || name.startsWith('portal_account_search_');
const SQLITE_ONLY_TRIGGERS = new Set(['portal_account_search_delete', 'portal_account_search_stage']);
/** The pg_trgm index on the account's search document (0019) stands in for the FTS5 table. */
const POSTGRES_ONLY_INDEXES = new Set(['portal_account_search_document']);
/** The account's generated columns, which 0033 dropped and added again on PostgreSQL (their inputs changed type): now its last columns. */
const GENERATED = ['access_stage', 'search_stage'];
const generatedLast = (table: string, columns: string[]) =>
  table === 'portal_account' ? [...columns.filter((c) => !GENERATED.includes(c)), ...GENERATED] : columns;
/** A flag's CHECK (x IN (0, 1)) on SQLite; PostgreSQL's boolean needs none. */
const FLAG_CHECK = /\bCHECK\s*\(\s*\w+\s+IN\s*\(\s*0\s*,\s*1\s*\)\s*\)/gi;

async function sqliteTables(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(sqliteDb);
  return rows.map((r) => r.name).filter((name) => !isSqliteOnlyTable(name)).sort();
}

async function pgTables(): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'portier_schema_version' ORDER BY table_name");
  return rows.map((r) => r.name).sort();
}

describe('the migrations with a PostgreSQL variant', () => {
  it('are every step of the one list (a new migration needs its PostgreSQL variant too)', () => {
    expect(stepsWithoutPostgres(MIGRATIONS).map((m) => m.name)).toEqual([]);
    expect(withVariant).toEqual(MIGRATIONS);
  });

  it.skipIf(!pgUp)(`migrate a fresh PostgreSQL database to the last of them, once${skip}`, async () => {
    expect(await postgresDialect.readSchemaVersion(pgDb)).toBe(reached);
    expect(await postgresDialect.migrate(pgDb, withVariant)).toEqual({ from: reached, to: reached });
  });

  it.skipIf(!pgUp)(`give the same tables and columns (in order, the generated ones last on PostgreSQL) as SQLite${skip}`, async () => {
    const tables = await sqliteTables();
    expect(await pgTables()).toEqual(tables);
    for (const table of tables) {
      const lite = await sql<{ name: string }>`SELECT name FROM pragma_table_xinfo(${table}) ORDER BY cid`.execute(sqliteDb);
      const pgColumns = await c.query<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', ['public', table]);
      expect({ table, columns: pgColumns.rows.map((r) => r.name) }).toEqual({ table, columns: generatedLast(table, lite.rows.map((r) => r.name)) });
    }
  });

  it.skipIf(!pgUp)(`give the same NOT NULLs, primary keys and number of CHECKs per table as SQLite (less the flags' 0/1 CHECKs)${skip}`, async () => {
    for (const table of await sqliteTables()) {
      const lite = await sql<{ name: string; notnull: number; pk: number }>`SELECT name, "notnull", pk FROM pragma_table_xinfo(${table}) ORDER BY cid`.execute(sqliteDb);
      const create = await sql<{ sql: string }>`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ${table}`.execute(sqliteDb);
      // SQLite's INTEGER PRIMARY KEY may hold NULL by the letter (it becomes the rowid); PostgreSQL's is NOT NULL.
      const byName = new Map(lite.rows.map((r) => [r.name, `${r.name}${r.notnull === 1 || r.pk > 0 ? ' NOT NULL' : ''}${r.pk > 0 ? ' PK' : ''}`]));
      const liteColumns = generatedLast(table, lite.rows.map((r) => r.name)).map((name) => byName.get(name));
      const pgColumns = await c.query<{ col: string }>(
        `SELECT a.attname || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END ||
                CASE WHEN EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = a.attrelid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)) THEN ' PK' ELSE '' END AS col
         FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
        [table],
      );
      expect({ table, columns: pgColumns.rows.map((r) => r.col) }).toEqual({ table, columns: liteColumns });
      const liteSql = create.rows[0]?.sql ?? '';
      const liteChecks = (liteSql.match(/\bCHECK\s*\(/g) ?? []).length - (liteSql.match(FLAG_CHECK) ?? []).length;
      const pgChecks = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'", [table]);
      expect({ table, checks: pgChecks.rows[0]?.n }).toEqual({ table, checks: liteChecks });
    }
  });

  it.skipIf(!pgUp)(`give the same unique keys (columns, expressions as *, partial or not) and column defaults as SQLite${skip}`, async () => {
    const lite: string[] = [];
    const liteDefaults: string[] = [];
    for (const table of await sqliteTables()) {
      const { rows: indexes } = await sql<{ name: string; partial: number }>`SELECT name, partial FROM pragma_index_list(${table}) WHERE "unique" = 1 AND origin <> 'pk'`.execute(sqliteDb);
      for (const index of indexes) {
        const { rows: columns } = await sql<{ name: string | null }>`SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(sqliteDb);
        lite.push(`${table}(${columns.map((col) => col.name ?? '*').join(', ')})${index.partial === 1 ? ' WHERE' : ''}`);
      }
      const { rows: defaults } = await sql<{ name: string; dflt_value: string | null }>`SELECT name, dflt_value FROM pragma_table_xinfo(${table}) WHERE dflt_value IS NOT NULL`.execute(sqliteDb);
      for (const d of defaults) liteDefaults.push(`${table}.${d.name} = ${d.dflt_value}`);
    }
    const { rows } = await c.query<{ key: string }>(`
      SELECT t.relname || '(' || (SELECT string_agg(CASE WHEN k.col = 0 THEN '*' ELSE a.attname END, ', ' ORDER BY k.n)
                                  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(col, n)
                                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.col) || ')' ||
             CASE WHEN i.indpred IS NOT NULL THEN ' WHERE' ELSE '' END AS key
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND i.indisunique AND NOT i.indisprimary AND t.relname <> 'portier_schema_version'`);
    expect(rows.map((r) => r.key).sort()).toEqual(lite.sort());
    expect(lite.length).toBeGreaterThan(5);
    // PostgreSQL spells a default with its type ('en'::text); identity ids have none (SQLite's neither).
    // A boolean's default is spelt true/false: SQLite's 1/0.
    const pgDefaults = await c.query<{ key: string }>(`
      SELECT table_name || '.' || column_name || ' = ' ||
             CASE column_default WHEN 'true' THEN '1' WHEN 'false' THEN '0' ELSE regexp_replace(column_default, '::(text|integer)$', '') END AS key
      FROM information_schema.columns WHERE table_schema = 'public' AND column_default IS NOT NULL AND table_name <> 'portier_schema_version'`);
    expect(pgDefaults.rows.map((r) => r.key).sort()).toEqual(liteDefaults.sort());
    expect(liteDefaults).toContain("portal_account.notify_status_changes = 1");
  });

  it.skipIf(!pgUp)(`give the same foreign keys with the same ON DELETE as SQLite${skip}`, async () => {
    const lite: string[] = [];
    for (const table of await sqliteTables()) {
      const { rows } = await sql<{ from: string; table: string; on_delete: string }>`SELECT "from", "table", on_delete FROM pragma_foreign_key_list(${table})`.execute(sqliteDb);
      for (const fk of rows) lite.push(`${table}.${fk.from} -> ${fk.table} ON DELETE ${fk.on_delete}`);
    }
    const { rows } = await c.query<{ key: string }>(`
      SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text || ' ON DELETE ' ||
             CASE c.confdeltype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS key
      FROM pg_constraint c
      JOIN LATERAL unnest(c.conkey) AS k(col) ON true
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(rows.map((r) => r.key).sort()).toEqual(lite.sort());
    expect(lite.length).toBeGreaterThan(0);
  });

  it.skipIf(!pgUp)(`give the same named indexes and triggers as SQLite${skip}`, async () => {
    const liteIndexes = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`.execute(sqliteDb);
    const pgIndexes = await c.query<{ name: string }>(`
      SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`);
    expect(pgIndexes.rows.map((r) => r.name).filter((name) => !POSTGRES_ONLY_INDEXES.has(name)).sort()).toEqual(liteIndexes.rows.map((r) => r.name).sort());
    const liteTriggers = await sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`.execute(sqliteDb);
    const pgTriggers = await c.query<{ name: string }>("SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%' ORDER BY 1");
    expect(pgTriggers.rows.map((r) => r.name).sort()).toEqual(liteTriggers.rows.map((r) => r.name).filter((name) => !SQLITE_ONLY_TRIGGERS.has(name)).sort());
  });
});

describe('0001 staff on PostgreSQL', () => {
  it.skipIf(!pgUp)(`keeps email_key unique, checks role; flags are boolean and times timestamptz (0033)${skip}`, async () => {
    const insert = (email: string, key: string, role = 'staff', active = 1) =>
      c.query('INSERT INTO staff (name, email, email_key, password_hash, role, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id, may_grant_access, active', ['A', email, key, 'h', role, active, now]);
    const first = await insert('A@x.nl', 'a@x.nl');
    // A plain client shows the column types (Portier's own driver reads them as SQLite gives them: postgres-values.test.ts).
    expect(first.rows[0]).toEqual({ id: expect.any(Number) as number, may_grant_access: false, active: true });
    expect((await failureOf(insert('a@X.nl', 'a@x.nl'))).code).toBe('23505');
    expect((await failureOf(insert('c@x.nl', 'c@x.nl', 'root'))).code).toBe('23514');
    expect((await failureOf(insert('d@x.nl', 'd@x.nl', 'staff', 2))).code).toBe('22P02'); // invalid_text_representation: no boolean
    const types = await c.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'staff' AND column_name IN ('id', 'active', 'created_at') ORDER BY column_name",
    );
    expect(types.rows).toEqual([
      { column_name: 'active', data_type: 'boolean' },
      { column_name: 'created_at', data_type: 'timestamp with time zone' },
      { column_name: 'id', data_type: 'integer' },
    ]);
  });
});

describe('0002 contacts on PostgreSQL', () => {
  it.skipIf(!pgUp)(`restricts deleting an organisation with persons or children, refuses its own parent, indexes names case-insensitively${skip}`, async () => {
    const org = await c.query<{ id: number }>("INSERT INTO organisation (name, created_at, updated_at) VALUES ('Acme', $1, $1) RETURNING id", [now]);
    const id = org.rows[0]?.id;
    await c.query("INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES ($1, 'Jansen', $2, $2)", [id, now]);
    expect((await failureOf(c.query('DELETE FROM organisation WHERE id = $1', [id]))).code).toBe('23503');
    expect((await failureOf(c.query('UPDATE organisation SET parent_id = id WHERE id = $1', [id]))).code).toBe('23514');
    expect((await failureOf(c.query("INSERT INTO organisation (name, country, created_at, updated_at) VALUES ('B', 'NLD', $1, $1)", [now]))).code).toBe('23514');
    const index = await c.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname = 'organisation_name'");
    expect(index.rows[0]?.indexdef).toContain('lower(name)');
  });
});

describe('0003 audit log on PostgreSQL', () => {
  it.skipIf(!pgUp)(`is append-only: updates and deletes raise, inserts work${skip}`, async () => {
    await c.query("INSERT INTO audit_log (at, entity, action) VALUES ($1, 'setting', 'update')", [now]);
    expect((await failureOf(c.query("UPDATE audit_log SET action = 'x'"))).message).toContain('audit_log is append-only');
    expect((await failureOf(c.query('DELETE FROM audit_log'))).message).toContain('audit_log is append-only');
    expect((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual([{ n: 1 }]);
  });
});

describe('0005 role groups on PostgreSQL', () => {
  it.skipIf(!pgUp)(`has the four built-in groups with their permissions; deleting a group deletes its permissions${skip}`, async () => {
    const { rows } = await c.query<{ name: string; built_in: boolean; permissions: string[] }>(
      'SELECT g.name, g.built_in, array_agg(p.permission_key ORDER BY p.permission_key) AS permissions FROM role_group g JOIN role_group_permission p ON p.role_group_id = g.id GROUP BY g.id ORDER BY g.id',
    );
    expect(rows).toEqual(BUILT_IN_GROUPS_0005.map((g) => ({ name: g.name, built_in: true, permissions: [...g.permissions].sort() })));
    expect((await failureOf(c.query("INSERT INTO role_group (name, name_key, created_at, updated_at) VALUES ('STANDARD', 'standard', $1, $1)", [now]))).code).toBe('23505');
    const custom = await c.query<{ id: number }>("INSERT INTO role_group (name, name_key, created_at, updated_at) VALUES ('Custom', 'custom', $1, $1) RETURNING id", [now]);
    const id = custom.rows[0]?.id;
    await c.query("INSERT INTO role_group_permission (role_group_id, permission_key) VALUES ($1, 'dashboard')", [id]);
    await c.query('DELETE FROM role_group WHERE id = $1', [id]);
    expect((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM role_group_permission WHERE role_group_id = $1', [id])).rows).toEqual([{ n: 0 }]);
  });
});

describe('0006 portal accounts on PostgreSQL', () => {
  const tally = async () => (await c.query<{ key: string; n: number }>("SELECT access_stage || ':' || active AS key, n FROM portal_account_tally WHERE n > 0 ORDER BY 1")).rows;
  const recount = async () =>
    (await c.query<{ key: string; n: number }>("SELECT access_stage || ':' || active::integer AS key, count(*)::int AS n FROM portal_account GROUP BY access_stage, active ORDER BY 1")).rows;

  it.skipIf(!pgUp)(`computes access_stage (a STORED generated column) and keeps the tally by PL/pgSQL triggers, equal to a recount${skip}`, async () => {
    const insert = (username: string) => c.query<{ id: number; access_stage: number }>('INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ($1, $1, $2, $2) RETURNING id, access_stage', [username, now]);
    const a = (await insert('anna@example.com')).rows[0];
    const b = (await insert('bert@example.com')).rows[0];
    await insert('carl@example.com');
    expect(a?.access_stage).toBe(0);
    expect(await tally()).toEqual([{ key: '0:1', n: 3 }]);
    await c.query('UPDATE portal_account SET activation_sent_at = $1 WHERE id = $2', [now, a?.id]);
    await c.query("UPDATE portal_account SET password_hash = 'h', active = false WHERE id = $1", [b?.id]);
    // A change that moves no account between stages leaves the tally alone.
    await c.query("UPDATE portal_account SET nickname = 'Bee', activated_at = $1 WHERE id = $2", [now, b?.id]);
    expect(await tally()).toEqual([
      { key: '0:1', n: 1 },
      { key: '1:1', n: 1 },
      { key: '2:0', n: 1 },
    ]);
    expect(await tally()).toEqual(await recount());
    await c.query('DELETE FROM portal_account WHERE id = $1', [a?.id]);
    expect(await tally()).toEqual(await recount());
    expect((await failureOf(c.query('UPDATE portal_account SET access_stage = 1'))).code).toBe('428C9'); // generated_always
  });

  it.skipIf(!pgUp)(`keeps the tally exact with four writers at once${skip}`, async () => {
    const writers = await Promise.all([1, 2, 3, 4].map(async () => {
      const w = new pg.Client({ connectionString: database.url });
      await w.connect();
      return w;
    }));
    try {
      await Promise.all(
        writers.map(async (w, i) => {
          for (let k = 0; k < 25; k += 1) {
            const { rows } = await w.query<{ id: number }>('INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ($1, $1, $2, $2) RETURNING id', [`w${i}-${k}@example.com`, now]);
            if (k % 2 === 0) await w.query('UPDATE portal_account SET activation_sent_at = $1 WHERE id = $2', [now, rows[0]?.id]);
            if (k % 5 === 0) await w.query('DELETE FROM portal_account WHERE id = $1', [rows[0]?.id]);
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((w) => w.end()));
    }
    expect(await tally()).toEqual(await recount());
  });

  it.skipIf(!pgUp)(`allows one default link per account, cascades an account's links, tokens and role groups, sets mails and documents to NULL${skip}`, async () => {
    const org = (await c.query<{ id: number }>("INSERT INTO organisation (name, created_at, updated_at) VALUES ('Links', $1, $1) RETURNING id", [now])).rows[0]?.id;
    const org2 = (await c.query<{ id: number }>("INSERT INTO organisation (name, created_at, updated_at) VALUES ('Links 2', $1, $1) RETURNING id", [now])).rows[0]?.id;
    const account = (await c.query<{ id: number }>("INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ('dora@example.com', 'dora@example.com', $1, $1) RETURNING id", [now])).rows[0]?.id;
    await c.query('INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES ($1, $2, true)', [account, org]);
    expect((await failureOf(c.query('INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES ($1, $2, true)', [account, org2]))).code).toBe('23505');
    await c.query("INSERT INTO portal_account_role_group (account_id, role_group_id) SELECT $1, id FROM role_group WHERE name_key = 'standard'", [account]);
    await c.query("INSERT INTO portal_account_token (account_id, kind, token_hash, expires_at, created_at) VALUES ($1, 'activation', $2, $3, $3)", [account, 'a'.repeat(64), now]);
    expect((await failureOf(c.query("INSERT INTO portal_account_token (account_id, kind, token_hash, expires_at, created_at) VALUES ($1, 'activation', 'short', $2, $2)", [account, now]))).code).toBe('23514');
    await c.query("INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, account_id, next_attempt_at, created_at, updated_at) VALUES ('<m1@portier>', 'activation', 'dora@example.com', 's', 'h', 't', $1, $2, $2, $2)", [account, now]);
    await c.query("INSERT INTO document (account_id, kind, title, payload_enc, created_at) VALUES ($1, 'activation-letter', 'Letter', 'x', $2)", [account, now]);
    expect((await failureOf(c.query('DELETE FROM organisation WHERE id = $1', [org]))).code).toBe('23503');
    await c.query('DELETE FROM portal_account WHERE id = $1', [account]);
    const left = await c.query<{ links: number; groups: number; tokens: number; mail_account: number | null; document_account: number | null }>(`
      SELECT (SELECT count(*)::int FROM portal_account_link WHERE account_id = $1) AS links,
             (SELECT count(*)::int FROM portal_account_role_group WHERE account_id = $1) AS groups,
             (SELECT count(*)::int FROM portal_account_token WHERE account_id = $1) AS tokens,
             (SELECT account_id FROM outbox_mail WHERE message_id = '<m1@portier>') AS mail_account,
             (SELECT account_id FROM document WHERE title = 'Letter') AS document_account`, [account]);
    expect(left.rows[0]).toEqual({ links: 0, groups: 0, tokens: 0, mail_account: null, document_account: null });
  });
});

describe('0011-0019 on PostgreSQL', () => {
  it.skipIf(!pgUp)(`mail templates accept the activation letter (0011); staff have a security stamp (0012); built-in groups have their keys (0017)${skip}`, async () => {
    await c.query("INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('activation-letter', 'nl', 's', 'h', $1)", [now]);
    expect((await failureOf(c.query("INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('letter', 'nl', 's', 'h', $1)", [now]))).code).toBe('23514');
    const stamp = await c.query<{ security_stamp: number }>("INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('S', 's@x.nl', 's@x.nl', 'h', 'staff', $1, $1) RETURNING security_stamp", [now]);
    expect(stamp.rows).toEqual([{ security_stamp: 0 }]);
    const keys = await c.query<{ name: string; built_in_key: string }>('SELECT name, built_in_key FROM role_group WHERE built_in ORDER BY id');
    expect(keys.rows).toEqual([
      { name: 'Standard', built_in_key: 'standard' },
      { name: 'Client', built_in_key: 'client' },
      { name: 'Client participant', built_in_key: 'client-participant' },
      { name: 'Partner', built_in_key: 'partner' },
    ]);
    expect((await failureOf(c.query("INSERT INTO audit_log (at, entity, action, via) VALUES ($1, 'x', 'y', 'mail')", [now]))).code).toBe('23514');
  });

  it.skipIf(!pgUp)(`sorts keys bytewise (COLLATE "C"), as SQLite does, whatever the server's locale${skip}`, async () => {
    const keys = ['ab@x.nl', 'a_z@x.nl', 'a-c@x.nl', 'a.b@x.nl', 'aa@x.nl'];
    for (const key of keys) await c.query('INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ($1, $1, $2, $2)', [key, now]);
    const pgOrder = (await c.query<{ k: string }>("SELECT username_key AS k FROM portal_account WHERE username_key LIKE 'a%@x.nl' ORDER BY username_key")).rows.map((r) => r.k);
    expect(pgOrder).toEqual([...keys].sort());
    // This server's own default may be C already: the columns say it for every server.
    const collations = await c.query<{ col: string; collation_name: string | null }>(`
      SELECT table_name || '.' || column_name AS col, collation_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_name IN ('email_key', 'username_key', 'name_key', 'search_key', 'nickname_key', 'person_sort', 'organisation_sort', 'search_document'))
      ORDER BY 1`);
    expect(collations.rows.length).toBeGreaterThanOrEqual(10);
    expect(collations.rows.filter((r) => r.collation_name !== 'C')).toEqual([]);
  });

  it.skipIf(!pgUp)(`finds any part of the search document through the pg_trgm GIN index (0019)${skip}`, async () => {
    await c.query("INSERT INTO portal_account (username, username_key, search_document, created_at, updated_at) VALUES ('trgm@x.nl', 'trgm@x.nl', 'trgm@x.nl bjorn ornstedt lodz', $1, $1)", [now]);
    await c.query('BEGIN');
    try {
      await c.query('SET LOCAL enable_seqscan = off');
      const plan = (await c.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT id FROM portal_account WHERE search_document LIKE '%rnste%'")).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('portal_account_search_document');
      const hits = await c.query<{ username: string }>("SELECT username FROM portal_account WHERE search_document LIKE '%rnste%'");
      expect(hits.rows).toEqual([{ username: 'trgm@x.nl' }]);
    } finally {
      await c.query('ROLLBACK');
    }
  });
});

describe('0020-0029 on PostgreSQL', () => {
  it.skipIf(!pgUp)(`tickets: dates checked like SQLite's GLOB, one assignment per project and task (NULL task too), a right held by exactly one holder${skip}`, async () => {
    const org = (await c.query<{ id: number }>("INSERT INTO organisation (name, created_at, updated_at) VALUES ('Tickets', $1, $1) RETURNING id", [now])).rows[0]?.id;
    const project = (await c.query<{ id: number }>("INSERT INTO project (organisation_id, name, name_key, created_at, updated_at) VALUES ($1, 'P', 'p', $2, $2) RETURNING id", [org, now])).rows[0]?.id;
    const task = (await c.query<{ id: number }>("INSERT INTO task (project_id, name, name_key, created_at, updated_at) VALUES ($1, 'T', 't', $2, $2) RETURNING id", [project, now])).rows[0]?.id;
    const ticket = (await c.query<{ id: number }>("INSERT INTO ticket (number, title, title_key, project_id, task_id, created_at, updated_at) VALUES (10234, 'Printer', 'printer', $1, $2, $3, $3) RETURNING id", [project, task, now])).rows[0]?.id;
    const staff = (await c.query<{ id: number }>("INSERT INTO staff (name, email, email_key, password_hash, role, created_at, updated_at) VALUES ('T', 't@x.nl', 't@x.nl', 'h', 'staff', $1, $1) RETURNING id", [now])).rows[0]?.id;
    const entry = (date: string) => c.query('INSERT INTO time_entry (ticket_id, project_id, staff_id, work_date, minutes, billable, created_at, updated_at) VALUES ($1, $2, $3, $4, 30, true, $5, $5)', [ticket, project, staff, date, now]);
    await entry('2026-01-31');
    expect((await failureOf(entry('2026-1-31'))).code).toBe('23514');
    expect((await failureOf(entry('2026-01-31x'))).code).toBe('23514');
    const assign = (taskId: number | null) => c.query("INSERT INTO ticket_assignment (ticket_id, project_id, task_id, origin, created_at) VALUES ($1, $2, $3, 'manual', $4)", [ticket, project, taskId, now]);
    await assign(null);
    expect((await failureOf(assign(null))).code).toBe('23505');
    await assign(task ?? 0);
    const person = (await c.query<{ id: number }>("INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES ($1, 'R', $2, $2) RETURNING id", [org, now])).rows[0]?.id;
    await c.query("INSERT INTO ticket_right (person_id, project_id, scope, read_only, created_at) VALUES ($1, $2, 'all_tasks', false, $3)", [person, project, now]);
    expect((await failureOf(c.query("INSERT INTO ticket_right (project_id, scope, read_only, created_at) VALUES ($1, 'all_tasks', false, $2)", [project, now]))).code).toBe('23514');
    expect((await failureOf(c.query("INSERT INTO ticket_right (person_id, project_id, scope, read_only, created_at) VALUES ($1, $2, 'one_task', false, $3)", [person, project, now]))).code).toBe('23514');
    // An account's right goes with its link to the organisation (composite foreign key, CASCADE).
    const account = (await c.query<{ id: number }>("INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ('r@x.nl', 'r@x.nl', $1, $1) RETURNING id", [now])).rows[0]?.id;
    expect((await failureOf(c.query("INSERT INTO ticket_right (account_id, account_organisation_id, project_id, scope, read_only, created_at) VALUES ($1, $2, $3, 'all_tasks', true, $4)", [account, org, project, now]))).code).toBe('23503');
    await c.query('INSERT INTO portal_account_link (account_id, organisation_id, is_default) VALUES ($1, $2, true)', [account, org]);
    await c.query("INSERT INTO ticket_right (account_id, account_organisation_id, project_id, scope, read_only, created_at) VALUES ($1, $2, $3, 'all_tasks', true, $4)", [account, org, project, now]);
    await c.query('DELETE FROM portal_account_link WHERE account_id = $1', [account]);
    expect((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_right WHERE account_id = $1', [account])).rows).toEqual([{ n: 0 }]);
    expect((await failureOf(c.query('DELETE FROM project WHERE id = $1', [project]))).code).toBe('23503');
  });

  it.skipIf(!pgUp)(`search_stage (0024) is computed as on SQLite: new, inv, exp once the sweep marked the expiry, act${skip}`, async () => {
    const insert = await c.query<{ id: number; search_stage: string }>("INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ('stage@x.nl', 'stage@x.nl', $1, $1) RETURNING id, search_stage", [now]);
    const id = insert.rows[0]?.id;
    const stage = async (set: string, values: unknown[]) => (await c.query<{ search_stage: string }>(`UPDATE portal_account SET ${set} WHERE id = $1 RETURNING search_stage`, [id, ...values])).rows[0]?.search_stage;
    expect(insert.rows[0]?.search_stage).toBe('new');
    expect(await stage('activation_sent_at = $2, activation_expires_at = $2', [now])).toBe('inv');
    expect(await stage('lapsed_expiry = activation_expires_at', [])).toBe('exp');
    expect(await stage("activation_expires_at = '2027-01-01T00:00:00.000Z'", [])).toBe('inv');
    expect(await stage("password_hash = 'h'", [])).toBe('act');
  });

  it.skipIf(!pgUp)(`sessions, link states and the SMS channel (0026-0028); the ticket-status template (0029)${skip}`, async () => {
    const account = (await c.query<{ id: number; must_change_password: boolean; notify_status_changes: boolean }>(
      "INSERT INTO portal_account (username, username_key, created_at, updated_at) VALUES ('s2@x.nl', 's2@x.nl', $1, $1) RETURNING id, must_change_password, notify_status_changes",
      [now],
    )).rows[0];
    expect(account).toMatchObject({ must_change_password: false, notify_status_changes: true });
    const session = (await c.query<{ id: number }>("INSERT INTO portal_session (token_hash, account_id, stage, security_stamp, created_at, last_seen_at, expires_at) VALUES ('s', $1, 'two-step', 1, $2, $2, $2) RETURNING id", [account?.id, now])).rows[0]?.id;
    await c.query("INSERT INTO portal_two_step_code (session_id, code_hash, expires_at, created_at) VALUES ($1, 'c', $2, $2)", [session, now]);
    expect((await failureOf(c.query("UPDATE portal_account SET two_step_method = 'mail' WHERE id = $1", [account?.id]))).code).toBe('23514');
    await c.query('DELETE FROM portal_account WHERE id = $1', [account?.id]);
    expect((await c.query<{ n: number }>('SELECT (SELECT count(*) FROM portal_session)::int + (SELECT count(*) FROM portal_two_step_code)::int AS n')).rows).toEqual([{ n: 0 }]);
    expect((await failureOf(c.query("INSERT INTO portal_link_state (id, kind, token_id, token_enc, created_at, expires_at) VALUES ('short', 'activation', 1, 'x', $1, $1)", [now]))).code).toBe('23514');
    const mail = await c.query<{ channel: string }>("INSERT INTO outbox_mail (message_id, kind, to_address, subject, html, text, next_attempt_at, created_at, updated_at) VALUES ('<m2@portier>', 'code', '+31600000000', 's', '', 't', $1, $1, $1) RETURNING channel", [now]);
    expect(mail.rows).toEqual([{ channel: 'mail' }]);
    expect((await failureOf(c.query("UPDATE outbox_mail SET channel = 'fax'"))).code).toBe('23514');
    await c.query("INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('ticket-status', 'de', 's', 'h', $1)", [now]);
  });
});
