import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactDatabaseUrl } from '../../electron/core/db/dialect/database-url';
import { dialectOf, mapDriverError } from '../../electron/core/db/dialect/of-database';
import { describeClockOffset } from '../../electron/core/db/dialect/postgres-clock';
import { CLOCKS_APART_MS } from '../../shared/api/office-database';
import { describePostgres, openPostgresDatabase, openPostgresForCore, PostgresSchemaMissingError, postgresDialect, SCHEMA_VERSION_TABLE } from '../../electron/core/db/dialect/postgres';
import { sqliteDialect } from '../../electron/core/db/dialect/sqlite';
import { openDatabase } from '../../electron/core/db/connection';
import type { Migration } from '../../electron/core/db/migration';
import { toErrorPayload } from '../../electron/core/dispatch';
import { openPortierCore } from '../../electron/core/portier-core';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { newSessionSlot } from '../../electron/core/auth/session';
import { runPortier } from '../support/cli';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, urlOf, type ThrowawayDatabase } from '../support/postgres';

/** Issue 13, first slice: choosing PostgreSQL, its dialect (schema version, errors, change marker). */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

let database: ThrowawayDatabase;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-pg-'));
  if (pgUp) database = await throwawayDatabase();
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (pgUp) await database.drop();
});

/** The URL of the throwaway database with a password in it (trust auth ignores it), to see that it never shows. */
const PASSWORD = 'Sekr3t-pässword';
const withPassword = () => database.url.replace('postgres@', `postgres:${encodeURIComponent(PASSWORD)}@`);

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  return c;
}

/** The driver's own error of a statement that must fail. */
async function failureOf(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('connecting to PostgreSQL', () => {
  it.skipIf(!pgUp)(`connects, knows it is PostgreSQL, and describes the server and the missing schema${skip}`, async () => {
    const { db } = await openPostgresDatabase(database.url);
    try {
      expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
      expect(dialectOf(db).name).toBe('postgres');
    } finally {
      await db.destroy();
    }
    const described = await describePostgres(database.url);
    expect(described.server).toMatch(/^PostgreSQL \d+/);
    expect(described.schemaVersion).toBeNull();
    // The server runs on this machine: one clock, apart only by the round trip.
    expect(Math.abs(described.clockOffsetMs)).toBeLessThan(1000);
  });

  it.skipIf(!pgUp)(`measures how far the server's clock is from this computer's, and check fails from 30 s apart${skip}`, async () => {
    // This computer's clock 95 s fast: the server is 95 s behind it.
    const { clockOffsetMs } = await describePostgres(database.url, () => Date.now() + 95_000);
    expect(clockOffsetMs).toBeGreaterThan(-96_000);
    expect(clockOffsetMs).toBeLessThan(-94_000);
    expect(describeClockOffset(clockOffsetMs)).toMatchObject({ problem: true, text: expect.stringMatching(/^clock: the server's clock is 95 s behind this computer's: too far apart/) });
    expect(describeClockOffset(12_400)).toEqual({ problem: false, text: "clock: the server's clock is 12 s ahead of this computer's" });
    expect(describeClockOffset(-CLOCKS_APART_MS + 1).problem).toBe(false);
    expect(describeClockOffset(CLOCKS_APART_MS).problem).toBe(true);
    expect(describeClockOffset(400)).toEqual({ problem: false, text: 'clock: in step with the server (within 1 s)' });
  });

  it.skipIf(!pgUp)(`opens the core on an empty database: Portier's schema is made, and the core works on it${skip}`, async () => {
    const fresh = await throwawayDatabase();
    try {
      const core = await openPortierCore({ dataDir, databaseUrl: fresh.url });
      try {
        expect(dialectOf(core.deps.db).name).toBe('postgres');
        expect(await postgresDialect.readSchemaVersion(core.deps.db as unknown as Kysely<unknown>)).toBe(MIGRATIONS.at(-1)?.version);
        const admin = newSessionSlot();
        await core.call(admin, 'setup:create-administrator', { name: 'Ada Ørsted', email: 'ada@example.com', password: 'Correct horse battery 7' });
        const organisation = await core.call(admin, 'organisations:create', { name: 'Łódź Brouwerij' });
        expect((await core.call(admin, 'organisations:list', { search: 'lodz' })).rows.map((r) => r.id)).toEqual([organisation.id]);
      } finally {
        await core.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('opens SQLite as always without a URL, and knows it is SQLite', async () => {
    const { db } = await openDatabase(path.join(dataDir, 'plain.sqlite'));
    try {
      expect(dialectOf(db).name).toBe('sqlite');
      expect(await sqliteDialect.readSchemaVersion(db as unknown as Kysely<unknown>)).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });
});

describe('driver errors as Portier error codes', () => {
  it.skipIf(!pgUp)(`maps PostgreSQL's unique (23505), foreign key and restrict (23503) violations${skip}`, async () => {
    const c = await client();
    try {
      await c.query('CREATE TABLE organisation_probe (id int PRIMARY KEY, name text NOT NULL UNIQUE)');
      await c.query('CREATE TABLE person_probe (id int PRIMARY KEY, organisation_id int NOT NULL REFERENCES organisation_probe (id) ON DELETE RESTRICT)');
      await c.query("INSERT INTO organisation_probe VALUES (1, 'Acme')");
      await c.query('INSERT INTO person_probe VALUES (1, 1)');

      const duplicate = await failureOf(c.query("INSERT INTO organisation_probe VALUES (2, 'Acme')"));
      expect((duplicate as { code: string }).code).toBe('23505');
      expect(mapDriverError(duplicate)?.code).toBe('CONFLICT');
      expect(toErrorPayload('organisations:create', duplicate).code).toBe('CONFLICT');

      const orphan = await failureOf(c.query('INSERT INTO person_probe VALUES (2, 99)'));
      expect(toErrorPayload('contacts:create-person', orphan)).toEqual({ code: 'IN_USE', message: 'Other records still refer to this one.' });

      const restricted = await failureOf(c.query('DELETE FROM organisation_probe WHERE id = 1'));
      expect((restricted as { code: string }).code).toBe('23503');
      expect(toErrorPayload('organisations:delete', restricted).code).toBe('IN_USE');
      // Wrapped by another error, as a service might: still found.
      expect(toErrorPayload('organisations:delete', new Error('delete failed', { cause: restricted })).code).toBe('IN_USE');
    } finally {
      await c.end();
    }
  });

  it.skipIf(!pgUp)(`maps a serialization failure (40001) and a deadlock (40P01) to a clear CONFLICT${skip}`, async () => {
    const [a, b] = [await client(), await client()];
    try {
      await a.query('CREATE TABLE tally_probe (id int PRIMARY KEY, n int NOT NULL)');
      await a.query('INSERT INTO tally_probe VALUES (1, 0), (2, 0)');
      // Repeatable read: b's snapshot predates a's committed update of the same row.
      await b.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await b.query('SELECT n FROM tally_probe WHERE id = 1');
      await a.query('UPDATE tally_probe SET n = n + 1 WHERE id = 1');
      const serialization = await failureOf(b.query('UPDATE tally_probe SET n = n + 1 WHERE id = 1'));
      await b.query('ROLLBACK');
      expect((serialization as { code: string }).code).toBe('40001');
      expect(toErrorPayload('accounts:activate', serialization)).toEqual({ code: 'CONFLICT', message: 'Someone else changed the same records at the same moment; nothing was saved. Try again.' });

      // Each holds one row and wants the other's: PostgreSQL ends one of them after deadlock_timeout.
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('UPDATE tally_probe SET n = n + 1 WHERE id = 1');
      await b.query('UPDATE tally_probe SET n = n + 1 WHERE id = 2');
      const outcomes = await Promise.allSettled([a.query('UPDATE tally_probe SET n = n + 1 WHERE id = 2'), b.query('UPDATE tally_probe SET n = n + 1 WHERE id = 1')]);
      await a.query('ROLLBACK');
      await b.query('ROLLBACK');
      const deadlock = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')?.reason as unknown;
      expect((deadlock as { code: string }).code).toBe('40P01');
      expect(toErrorPayload('accounts:activate', deadlock).code).toBe('CONFLICT');
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('maps PostgreSQL disk_full (53100) to DISK_FULL (an error of that shape: a full disk cannot be made on a shared server)', () => {
    const full = Object.assign(new Error('could not extend file "base/16384/2619": No space left on device'), { code: '53100', severity: 'ERROR' });
    expect(toErrorPayload('organisations:create', full).code).toBe('DISK_FULL');
    expect(postgresDialect.mapError({ code: 'XX000' })).toBeNull();
  });

  it('maps SQLite unique and foreign key violations to the same codes as PostgreSQL', () => {
    const sqlite = new SQLite(':memory:');
    try {
      sqlite.pragma('foreign_keys = ON');
      sqlite.exec('CREATE TABLE o (id INTEGER PRIMARY KEY, name TEXT UNIQUE); CREATE TABLE p (id INTEGER PRIMARY KEY, o INTEGER REFERENCES o (id) ON DELETE RESTRICT)');
      sqlite.exec("INSERT INTO o VALUES (1, 'Acme'); INSERT INTO p VALUES (1, 1)");
      const failure = (statement: string) => {
        try {
          sqlite.exec(statement);
        } catch (error) {
          return error;
        }
        throw new Error('expected the statement to fail');
      };
      expect(toErrorPayload('x', failure("INSERT INTO o VALUES (2, 'Acme')")).code).toBe('CONFLICT');
      expect(toErrorPayload('x', failure('INSERT INTO p VALUES (2, 99)')).code).toBe('IN_USE');
      expect(toErrorPayload('x', failure('DELETE FROM o WHERE id = 1')).code).toBe('IN_USE');
    } finally {
      sqlite.close();
    }
  });
});

describe('the schema version on PostgreSQL', () => {
  /** A step that fails if it ever runs twice: CREATE TABLE without IF NOT EXISTS. */
  const probeStep: Migration = {
    version: 1,
    name: '0001-probe',
    up: async (db) => {
      await sql`CREATE TABLE migration_probe (id int PRIMARY KEY)`.execute(db);
    },
    upPostgres: async (db) => {
      await sql`CREATE TABLE migration_probe (id int PRIMARY KEY)`.execute(db);
    },
  };

  it.skipIf(!pgUp)(`two processes migrating at once: the lock lets one do the work, the version ends right, neither fails${skip}`, async () => {
    const [one, two] = [await openPostgresDatabase(database.url), await openPostgresDatabase(database.url)];
    try {
      const [a, b] = [one.db as unknown as Kysely<unknown>, two.db as unknown as Kysely<unknown>];
      // An empty list: both create (or find) the version table, at version 0.
      expect(await Promise.all([postgresDialect.migrate(a, []), postgresDialect.migrate(b, [])])).toEqual([
        { from: 0, to: 0 },
        { from: 0, to: 0 },
      ]);
      expect(await postgresDialect.readSchemaVersion(a)).toBe(0);
      // One real step: exactly one of them runs it (the other would fail on CREATE TABLE).
      const results = await Promise.all([postgresDialect.migrate(a, [probeStep]), postgresDialect.migrate(b, [probeStep])]);
      expect(results.map((r) => r.from).sort()).toEqual([0, 1]);
      expect(await postgresDialect.readSchemaVersion(b)).toBe(1);
      const rows = await sql<{ version: number }>`SELECT version FROM portier_schema_version`.execute(a);
      expect(rows.rows).toEqual([{ version: 1 }]);
      // A database from a newer Portier is refused.
      await expect(postgresDialect.migrate(a, [])).rejects.toThrow('newer version of Portier');
    } finally {
      await one.db.destroy();
      await two.db.destroy();
    }
  });

  it.skipIf(!pgUp)(`refuses a migration list with a step that has no PostgreSQL variant, changing nothing; opens once every step has one (the URL's password never shown)${skip}`, async () => {
    const prepared = await throwawayDatabase();
    try {
      const { db } = await openPostgresDatabase(prepared.url);
      await postgresDialect.migrate(db as unknown as Kysely<unknown>, []);
      await db.destroy();
      const withPw = prepared.url.replace('postgres@', 'postgres:pw-in-url@');
      const sqliteOnly: Migration = { version: 1, name: 'probe', up: probeStep.up };
      const noVariant = await failureOf(openPostgresForCore(withPw, [sqliteOnly]));
      expect(noVariant).toBeInstanceOf(PostgresSchemaMissingError);
      expect(String(noVariant)).toContain('1 migration(s) have no PostgreSQL variant, from 0001-probe');
      expect(String(noVariant)).toContain(prepared.url.replace('postgres@', 'postgres:***@'));
      expect(String(noVariant)).not.toContain('pw-in-url');
      expect(await describePostgres(prepared.url)).toMatchObject({ schemaVersion: 0 });
      // A list in which every step has its PostgreSQL variant: migrated and opened.
      const opened = await openPostgresForCore(withPw, [probeStep]);
      try {
        expect(dialectOf(opened).name).toBe('postgres');
        expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM migration_probe`.execute(opened)).rows).toEqual([{ n: 0 }]);
      } finally {
        await opened.destroy();
      }
      expect(await describePostgres(prepared.url)).toMatchObject({ schemaVersion: 1 });
    } finally {
      await prepared.drop();
    }
  });

  it.skipIf(!pgUp)(`${SCHEMA_VERSION_TABLE} is not created by merely checking a database${skip}`, async () => {
    const fresh = await throwawayDatabase();
    try {
      const out = await runPortier(['check', '--database', fresh.url]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('schema: not there yet');
      expect((await describePostgres(fresh.url)).schemaVersion).toBeNull();
    } finally {
      await fresh.drop();
    }
  });
});

describe('the password in a database URL', () => {
  it('is never shown: redacted in the URL, percent-encoded or as a query parameter', () => {
    expect(redactDatabaseUrl('postgres://portier:hunter2@db.example.com:5432/office')).toBe('postgres://portier:***@db.example.com:5432/office');
    expect(redactDatabaseUrl('postgresql://portier:p%40ss@db/office')).toBe('postgresql://portier:***@db/office');
    expect(redactDatabaseUrl('postgres://portier@db/office?password=hunter2&sslmode=require')).toBe('postgres://portier@db/office?password=***&sslmode=require');
    expect(redactDatabaseUrl('postgres://portier@db/office')).toBe('postgres://portier@db/office');
  });

  it.skipIf(!pgUp)(`check --database prints the connection and server version, never the password${skip}`, async () => {
    const out = await runPortier(['check', '--database', withPassword()]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`connected: ${database.url.replace('postgres@', 'postgres:***@')}`);
    expect(out.stdout).toMatch(/server: PostgreSQL \d+/);
    expect(out.stdout).toContain('clock: in step with the server (within 1 s)');
    expect(out.stdout + out.stderr).not.toContain(PASSWORD);
    expect(out.stdout + out.stderr).not.toContain(encodeURIComponent(PASSWORD));
  });

  it(`is not in the error when the server cannot be reached, nor when the database does not exist${pgUp ? '' : ' (the second half skipped: no PostgreSQL on 127.0.0.1:5432)'}`, async () => {
    const unreachable = await runPortier(['check', '--database', `postgres://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/nothing`]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Could not connect to the database at postgres://postgres:***@127.0.0.1:1/nothing');
    expect(unreachable.stdout + unreachable.stderr).not.toContain(PASSWORD);
    expect(unreachable.stdout + unreachable.stderr).not.toContain(encodeURIComponent(PASSWORD));
    if (!pgUp) return;
    const missing = await runPortier(['accounts', 'list', '--data-dir', dataDir], { PORTIER_DATABASE_URL: urlOf('portier_test_missing').replace('postgres@', `postgres:${encodeURIComponent(PASSWORD)}@`) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    expect(missing.stdout + missing.stderr).not.toContain(PASSWORD);
    expect(missing.stdout + missing.stderr).not.toContain(encodeURIComponent(PASSWORD));
  });
});
