import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_KEY_FILE } from '../../electron/core/activation/code-key';
import { loadOfficeKeys } from '../../electron/core/office-keys/office-keys';
import { SECRET_KEY_FILE } from '../../electron/core/outbox/secret-box';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { postgresDialect } from '../../electron/core/db/dialect/postgres';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';
import { databaseFingerprintOf, fingerprintedTables } from '../support/database-fingerprint';
import { NO_POSTGRES, onPostgres, POSTGRES_ADMIN_URL, postgresAnswers, throwawayDatabase, urlOf, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13: `copy-to` moves a desk's SQLite data into an empty PostgreSQL database and back.
 * The demo desk is copied to a throwaway database on the real server and back into a new data
 * folder; every table is compared row by row with the original, independently of copy-to's own
 * checksums. The file manages its own databases, so it runs in the sqlite project only.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

/** Every letter a careless copy would garble. */
const HARD_NAME = { first: 'Øyvind-Élodie', last: 'Łukasiewicz-Ștefănescu Weiß-Straße' };
const FAILED_LOGINS = 12_000;

let temp: ReturnType<typeof tempDataDir>;
let desk: string;
let office: ThrowawayDatabase;
let back: string;
const databases: ThrowawayDatabase[] = [];

async function newDatabase(): Promise<ThrowawayDatabase> {
  const database = await throwawayDatabase();
  databases.push(database);
  return database;
}

/**
 * A database whose text order is a language's (ICU en-US: _ a B é Z), not bytes' (B Z _ a é) as
 * SQLite's: rows must still be read in the same order on both sides.
 */
async function languageOrderedDatabase(): Promise<ThrowawayDatabase> {
  const name = `portier_test_${randomBytes(6).toString('hex')}`;
  await pgQuery(POSTGRES_ADMIN_URL, `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`);
  const database = { name, url: urlOf(name), drop: () => pgQuery(POSTGRES_ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
  databases.push(database);
  return database;
}

/** Runs `use` on the SQLite database of a data folder, opened read-only. */
async function onSqlite<T>(dataDir: string, use: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = kyselyFor(openSqlite(path.join(dataDir, 'portier.sqlite'), { readonly: true })) as unknown as Kysely<unknown>;
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

/** The tables copy-to must copy, read from SQLite's catalogue: no FTS index, nothing of SQLite's own. */
async function portierTables(dataDir: string): Promise<string[]> {
  // office_key's rows do not travel as rows: copy-to carries the keys itself (checked below).
  return (await onSqlite(dataDir, (db) => fingerprintedTables(db))).filter((t) => !t.fullText && t.name !== 'office_key').map((t) => t.name);
}

/** The rows of every copied table, as the fingerprint spells them (JSON of every column, sorted). */
function tableRows(fingerprint: Record<string, string>, tables: readonly string[]): Record<string, string> {
  return Object.fromEntries(tables.map((t) => [t, fingerprint[t] ?? '(missing)']));
}

function sequences(dataDir: string): Record<string, number> {
  const sqlite = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
  try {
    const rows = sqlite.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all() as { name: string; seq: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.seq)]));
  } finally {
    sqlite.close();
  }
}

async function pgQuery<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  temp = tempDataDir('portier-copy-to-');
  desk = path.join(temp.dir, 'desk');
  back = path.join(temp.dir, 'back');
  const seeded = await portier(['seed-demo', '--data-dir', desk]);
  expect(seeded.code, seeded.stderr).toBe(0);
  // What a desk collects over the years, beyond the demo: the test's own changes, made in SQL.
  const sqlite = new SQLite(path.join(desk, 'portier.sqlite'));
  try {
    // More organisations than one INSERT takes, and a chain of umbrellas against the id order:
    // a's parent is b, b's is c, with a < c < b and a and b in different batches, so key order
    // alone would insert a child before its parent.
    const addOrganisation = sqlite.prepare("INSERT INTO organisation (name, created_at, updated_at) VALUES (?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')");
    sqlite.transaction(() => {
      for (let i = 0; i < 1_200; i++) addOrganisation.run(`Branch ${i}`);
    })();
    const roots = (sqlite.prepare('SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const [a, c, b] = [roots[0], roots[roots.length - 2], roots[roots.length - 1]];
    sqlite.prepare('UPDATE organisation SET parent_id = ? WHERE id = ?').run(c, b);
    sqlite.prepare('UPDATE organisation SET parent_id = ? WHERE id = ?').run(b, a);
    sqlite.prepare('UPDATE person SET first_name = ?, last_name = ? WHERE id = (SELECT min(id) FROM person)').run(HARD_NAME.first, HARD_NAME.last);
    // Persons deleted after the last one was made: their ids stay used up (AUTOINCREMENT).
    sqlite.prepare("UPDATE sqlite_sequence SET seq = seq + 50 WHERE name = 'person'").run();
    // A large table with text keys (mixed case, accents: byte order differs from a language's order), for batches and progress.
    const insert = sqlite.prepare('INSERT INTO sign_in_failure (email_key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)');
    const prefixes = ['a', 'B', 'é', 'Z', 'ß', '_', 'ø'];
    // Settings' keys have the database's own collation on PostgreSQL (sign_in_failure's are "C").
    for (const key of ['a.copy-probe', 'B.copy-probe', 'é.copy-probe', '_copy-probe']) sqlite.prepare("INSERT INTO setting (key, value_json) VALUES (?, 'null')").run(key);
    sqlite.transaction(() => {
      for (let i = 0; i < FAILED_LOGINS; i++) insert.run(`${prefixes[i % prefixes.length]}user${i}@example.com`, (i % 9) + 1, i % 3 === 0 ? null : '2031-01-01T00:00:00.000Z', '2030-12-31T23:59:00.000Z');
    })();
  } finally {
    sqlite.close();
  }
  if (pgUp) office = await newDatabase();
}, 120_000);

afterAll(async () => {
  for (const database of databases) await database.drop();
  temp.remove();
}, 60_000);

describe('copy-to: a desk into an empty PostgreSQL database', () => {
  it.skipIf(!pgUp)(`copies every table of the schema, row for row, prints counts and matching checksums, and shows progress${skip}`, async () => {
    const run = await portier(['copy-to', '--to', office.url, '--data-dir', desk]);
    expect(run.code, run.stderr).toBe(0);

    // The printed table names every table of the schema (read from the catalogue, not a list), each matching.
    const tables = await portierTables(desk);
    expect(tables.length).toBeGreaterThan(25);
    const printed = run.stdout.split('\n').filter((line) => /\s(yes|NO)$/.test(line));
    expect(printed.map((line) => line.split(/\s+/)[0]).sort()).toEqual([...tables].sort());
    expect(printed.every((line) => line.endsWith(' yes'))).toBe(true);
    expect(run.stdout).toMatch(/^sign_in_failure\s+12,000\s+[0-9a-f]{16}\s+yes$/m);
    expect(run.stdout).toContain('every table matches');

    // Independently of copy-to's checksums: every row of every table is the same on PostgreSQL.
    const original = tableRows(await onSqlite(desk, databaseFingerprintOf), tables);
    const copied = tableRows(await onPostgres(office.url, databaseFingerprintOf), tables);
    for (const table of tables) expect(copied[table], table).toBe(original[table]);
    // Statistics were taken of the copied rows, the account search's trigram statistics (migration 0036) among them.
    const [trigrams] = await pgQuery<{ taken: number }>(office.url, "SELECT (most_common_elems IS NOT NULL)::int AS taken FROM pg_stats_ext_exprs WHERE statistics_name = 'portal_account_search_trigrams'");
    expect(trigrams?.taken).toBe(1);
    // The desk's keys became the office's: every process on the office database finds them there.
    const officeKeys = await onPostgres(office.url, (db) => loadOfficeKeys(db as never, null, new Date()));
    expect(officeKeys.secretKey).toEqual(fs.readFileSync(path.join(desk, SECRET_KEY_FILE)));
    expect(officeKeys.codeKey).toEqual(fs.readFileSync(path.join(desk, CODE_KEY_FILE)));

    // Progress of the large table on stderr, a line per second at most (a test runs well within one).
    expect(run.stderr).toContain('sign_in_failure 1,000 of 12,000\n');
    expect(run.stderr).toContain('sign_in_failure 12,000 of 12,000\n');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('sign_in_failure')).length).toBeLessThanOrEqual(3);
  }, 120_000);

  it.skipIf(!pgUp)(`keeps É, Ø, Ł, Ș and ß, parents before children, and tallies equal to a recount${skip}`, async () => {
    const [person] = await pgQuery<{ first_name: string; last_name: string }>(office.url, 'SELECT first_name, last_name FROM person ORDER BY id LIMIT 1');
    expect(person).toEqual({ first_name: HARD_NAME.first, last_name: HARD_NAME.last });
    const names = (await pgQuery<{ name: string }>(office.url, 'SELECT name FROM organisation')).map((r) => r.name);
    for (const letter of ['É', 'Ø', 'Ł', 'Ș']) expect(names.some((n) => n.includes(letter)), letter).toBe(true);
    const chain = await pgQuery<{ id: number; parent_id: number | null }>(office.url, 'SELECT id, parent_id FROM organisation WHERE parent_id > id');
    expect(chain.length).toBeGreaterThanOrEqual(1);
    // The account tallies were copied, not counted twice by the insert trigger (the tallies count the boolean flag as 0/1).
    const tally = await pgQuery<{ access_stage: number; active: number; n: number }>(office.url, 'SELECT access_stage, active, n FROM portal_account_tally WHERE n > 0 ORDER BY 1, 2');
    const recount = await pgQuery<{ access_stage: number; active: number; n: number }>(
      office.url,
      'SELECT access_stage, active::int AS active, count(*)::int AS n FROM portal_account GROUP BY 1, 2 ORDER BY 1, 2',
    );
    expect(tally).toEqual(recount);
    expect(recount.length).toBeGreaterThan(1);
  });

  it.skipIf(!pgUp)(`reads rows in byte order also where the database sorts text by a language's rules${skip}`, async () => {
    const target = await languageOrderedDatabase();
    const ordered = await pgQuery<{ x: string }>(target.url, "SELECT x FROM (VALUES ('a'), ('B')) v(x) ORDER BY x");
    expect(ordered.map((r) => r.x)).toEqual(['a', 'B']);
    const run = await portier(['copy-to', '--to', target.url, '--data-dir', desk]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^setting\s+6\s+[0-9a-f]{16}\s+yes$/m);
  }, 60_000);

  it.skipIf(!pgUp)(`refuses a target with rows, and changes nothing in it${skip}`, async () => {
    const before = await onPostgres(office.url, databaseFingerprintOf);
    const run = await portier(['copy-to', '--to', office.url, '--data-dir', desk]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The target database is not empty');
    expect(run.stderr).toContain('nothing was changed');
    expect(await onPostgres(office.url, databaseFingerprintOf)).toEqual(before);
  }, 60_000);
});

describe('copy-to: the office database back into a new data folder', () => {
  it.skipIf(!pgUp)(`gives a database equal to the original: every table, the schema, the search index, the id counters, the code key${skip}`, async () => {
    const run = await portier(['copy-to', '--database', office.url, '--to-data-dir', back, '--data-dir', desk]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('every table matches');
    expect(run.stdout).toContain(`The office's keys were written to ${back}`);

    // The whole fingerprint: schema, user_version, every table's rows, the FTS index's rowids.
    const original = await onSqlite(desk, databaseFingerprintOf);
    const copied = await onSqlite(back, databaseFingerprintOf);
    expect(Object.keys(copied).sort()).toEqual(Object.keys(original).sort());
    for (const part of Object.keys(original)) expect(copied[part], part).toBe(original[part]);
    expect(original.portal_account_search?.split('\n').length).toBe(39);
    expect(sequences(back)).toEqual(sequences(desk));
    expect(fs.readFileSync(path.join(back, CODE_KEY_FILE))).toEqual(fs.readFileSync(path.join(desk, CODE_KEY_FILE)));

    // The rebuilt trigram index finds the same accounts as the original's.
    const search = (db: Kysely<unknown>) =>
      sql<{ rowid: number }>`SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${'"orsted"'} ORDER BY rowid`.execute(db);
    const found = (await onSqlite(back, search)).rows;
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual((await onSqlite(desk, search)).rows);
  }, 120_000);

  it.skipIf(!pgUp)(`refuses a data folder whose database has rows, and changes nothing in it${skip}`, async () => {
    const before = await onSqlite(back, databaseFingerprintOf);
    const run = await portier(['copy-to', '--database', office.url, '--to-data-dir', back]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The target database is not empty');
    expect(await onSqlite(back, databaseFingerprintOf)).toEqual(before);
  }, 60_000);
});

describe('copy-to: ids', () => {
  it.skipIf(!pgUp)(`hands out no id the desk used, on PostgreSQL and after the copy back${skip}`, async () => {
    const personSeq = sequences(desk).person as number;
    const maxPerson = (await pgQuery<{ top: number }>(office.url, 'SELECT max(id) AS top FROM person'))[0]?.top ?? 0;
    expect(personSeq).toBe(maxPerson + 50);
    const [organisation] = await pgQuery<{ id: number }>(office.url, 'SELECT min(id) AS id FROM organisation');
    const now = '2031-01-01T00:00:00.000Z';
    const [added] = await pgQuery<{ id: number }>(office.url, 'INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id', [organisation?.id, 'Neu', now]);
    expect(added?.id).toBe(personSeq + 1);
    // audit_log has no AUTOINCREMENT on SQLite: above the highest copied id all the same.
    const maxAudit = (await pgQuery<{ top: number }>(office.url, 'SELECT max(id) AS top FROM audit_log'))[0]?.top ?? 0;
    const [audit] = await pgQuery<{ id: number }>(office.url, "INSERT INTO audit_log (at, entity, action) VALUES ($1, 'test', 'probe') RETURNING id", [now]);
    expect(audit?.id).toBe(maxAudit + 1);

    const sqlite = new SQLite(path.join(back, 'portier.sqlite'));
    try {
      const row = sqlite.prepare('INSERT INTO person (organisation_id, last_name, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id').get(organisation?.id, 'Neu', now, now) as { id: number };
      expect(row.id).toBe(personSeq + 1);
    } finally {
      sqlite.close();
    }
  });
});

describe('copy-to: refusals and failures leave the target as it was', () => {
  it.skipIf(!pgUp)(`rolls a failed copy back whole: the target stays empty and takes a later copy${skip}`, async () => {
    // A NUL character: SQLite stores it, PostgreSQL refuses it, half-way through the copy.
    const broken = path.join(temp.dir, 'broken');
    fs.mkdirSync(broken);
    const source = new SQLite(path.join(desk, 'portier.sqlite'), { readonly: true });
    source.prepare('VACUUM INTO ?').run(path.join(broken, 'portier.sqlite'));
    source.close();
    const copy = new SQLite(path.join(broken, 'portier.sqlite'));
    copy.prepare('UPDATE ticket_comment SET body = ? WHERE id = (SELECT max(id) FROM ticket_comment)').run('before\u0000after');
    copy.close();

    const target = await newDatabase();
    const failed = await portier(['copy-to', '--to', target.url, '--data-dir', broken]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/portier: .*0x00/);
    const counts = await pgQuery<{ table: string; n: number }>(
      target.url,
      `SELECT 'organisation' AS table, count(*)::int AS n FROM organisation UNION ALL SELECT 'ticket', count(*)::int FROM ticket
       UNION ALL SELECT 'role_group', count(*)::int FROM role_group UNION ALL SELECT 'tallied', coalesce(sum(n), 0)::int FROM portal_account_tally`,
    );
    expect(counts).toEqual([
      { table: 'organisation', n: 0 },
      { table: 'ticket', n: 0 },
      { table: 'role_group', n: 4 },
      { table: 'tallied', n: 0 },
    ]);
    const again = await portier(['copy-to', '--to', target.url, '--data-dir', desk]);
    expect(again.code, again.stderr).toBe(0);
  }, 120_000);

  it.skipIf(!pgUp)(`refuses a target of another or a newer schema version, or with tables not Portier's, and changes nothing${skip}`, async () => {
    const older = await newDatabase();
    const newer = await newDatabase();
    const foreign = await newDatabase();
    await onPostgres(older.url, (db) => postgresDialect.migrate(db, MIGRATIONS.slice(0, 10)));
    await onPostgres(newer.url, (db) => postgresDialect.migrate(db, MIGRATIONS));
    await pgQuery(newer.url, 'UPDATE portier_schema_version SET version = $1', [LATEST_SCHEMA_VERSION + 1]);
    await pgQuery(foreign.url, 'CREATE TABLE invoices (id integer PRIMARY KEY)');
    const cases = [
      { target: older, says: `schema version ${MIGRATIONS[9]?.version ?? 0}, not ${LATEST_SCHEMA_VERSION}` },
      { target: newer, says: 'written by a newer version of Portier' },
      { target: foreign, says: 'has tables but no Portier schema (invoices)' },
    ];
    for (const { target, says } of cases) {
      const before = await onPostgres(target.url, databaseFingerprintOf);
      const run = await portier(['copy-to', '--to', target.url, '--data-dir', desk]);
      expect(run.code, says).toBe(1);
      expect(run.stderr).toContain(says);
      expect(await onPostgres(target.url, databaseFingerprintOf)).toEqual(before);
    }
  }, 120_000);

  it.skipIf(!pgUp)(`refuses a source that is not up to date, and creates nothing for a source without Portier's schema${skip}`, async () => {
    const stale = path.join(temp.dir, 'stale');
    fs.mkdirSync(stale);
    const source = new SQLite(path.join(desk, 'portier.sqlite'), { readonly: true });
    source.prepare('VACUUM INTO ?').run(path.join(stale, 'portier.sqlite'));
    source.close();
    const copy = new SQLite(path.join(stale, 'portier.sqlite'));
    copy.pragma(`user_version = ${LATEST_SCHEMA_VERSION - 1}`);
    copy.close();
    const target = await newDatabase();
    const run = await portier(['copy-to', '--to', target.url, '--data-dir', stale]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run portier -- migrate');
    expect(await pgQuery(target.url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);

    const nowhere = path.join(temp.dir, 'nowhere');
    const empty = await newDatabase();
    const copyBack = await portier(['copy-to', '--database', empty.url, '--to-data-dir', nowhere]);
    expect(copyBack.code).toBe(1);
    expect(copyBack.stderr).toContain('holds no Portier database');
    expect(fs.existsSync(path.join(nowhere, 'portier.sqlite'))).toBe(false);
  }, 60_000);

  it('says how to call it when the direction is missing or given twice (exit code 2)', async () => {
    const none = await portier(['copy-to', '--data-dir', desk]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--to URL');
    const both = await portier(['copy-to', '--to', 'postgres://x@127.0.0.1/db', '--to-data-dir', back]);
    expect(both.code).toBe(2);
    const notPostgres = await portier(['copy-to', '--to', 'mysql://x@127.0.0.1/db', '--data-dir', desk]);
    expect(notPostgres.code).toBe(2);
    const help = await portier(['copy-to', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--to-data-dir DIR');
  });
});
