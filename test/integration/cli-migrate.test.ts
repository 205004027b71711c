import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { postgresDialect } from '../../electron/core/db/dialect/postgres';
import { migrate } from '../../electron/core/db/migration';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';
import { databaseFingerprintOf } from '../support/database-fingerprint';
import { NO_POSTGRES, onPostgres, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/** Issue 13: `migrate` brings either database's schema up to date, and refuses one from a newer Portier. */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

/** The tenth migration's version: a database that a Portier of some time ago left behind. */
const OLD_VERSION = MIGRATIONS[9]?.version ?? 0;

let temp: ReturnType<typeof tempDataDir>;
const databases: ThrowawayDatabase[] = [];

beforeAll(() => {
  temp = tempDataDir('portier-migrate-');
});

afterAll(async () => {
  for (const database of databases) await database.drop();
  temp.remove();
});

function userVersion(dataDir: string): number {
  const sqlite = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
  try {
    return Number(sqlite.pragma('user_version', { simple: true }));
  } finally {
    sqlite.close();
  }
}

async function sqliteFingerprint(dataDir: string): Promise<Record<string, string>> {
  const db = kyselyFor(openSqlite(path.join(dataDir, 'portier.sqlite'), { readonly: true })) as unknown as Kysely<unknown>;
  try {
    return await databaseFingerprintOf(db);
  } finally {
    await db.destroy();
  }
}

async function schemaVersionOn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ version: number }>('SELECT version FROM portier_schema_version')).rows[0]?.version ?? -1;
  } finally {
    await client.end();
  }
}

describe('migrate on SQLite', () => {
  it('creates the database in a new data folder, then finds it up to date', async () => {
    const dataDir = path.join(temp.dir, 'new');
    const first = await portier(['migrate', '--data-dir', dataDir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${path.join(dataDir, 'portier.sqlite')}: migrated from schema version 0 to ${LATEST_SCHEMA_VERSION}.\n`);
    expect(userVersion(dataDir)).toBe(LATEST_SCHEMA_VERSION);
    const again = await portier(['migrate', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`up to date (schema version ${LATEST_SCHEMA_VERSION})`);
  });

  it('brings an older database up to date, keeping its rows', async () => {
    const dataDir = path.join(temp.dir, 'old');
    fs.mkdirSync(dataDir);
    const db = kyselyFor(openSqlite(path.join(dataDir, 'portier.sqlite'))) as unknown as Kysely<unknown>;
    await migrate(db, MIGRATIONS.slice(0, 10));
    await db.destroy();
    const sqlite = new SQLite(path.join(dataDir, 'portier.sqlite'));
    sqlite.prepare("INSERT INTO setting (key, value_json) VALUES ('probe', '\"kept\"')").run();
    sqlite.close();

    const run = await portier(['migrate', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`migrated from schema version ${OLD_VERSION} to ${LATEST_SCHEMA_VERSION}`);
    expect(userVersion(dataDir)).toBe(LATEST_SCHEMA_VERSION);
    expect((await sqliteFingerprint(dataDir)).setting).toContain('["key","probe"]');
  });

  it('refuses a database from a newer Portier (exit code 1) and leaves it untouched', async () => {
    const dataDir = path.join(temp.dir, 'newer');
    expect((await portier(['migrate', '--data-dir', dataDir])).code).toBe(0);
    const sqlite = new SQLite(path.join(dataDir, 'portier.sqlite'));
    sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    sqlite.close();
    const before = await sqliteFingerprint(dataDir);
    const run = await portier(['migrate', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('written by a newer version of Portier');
    expect(await sqliteFingerprint(dataDir)).toEqual(before);
  });

  it('has help in the style of the others, and is listed in the main help', async () => {
    const help = await portier(['migrate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run portier -- migrate \[--data-dir DIR \| --database URL\]/);
    const main = await portier(['--help']);
    expect(main.stdout).toMatch(/\n {2}migrate +bring the database schema up to date/);
    expect(main.stdout).toMatch(/\n {2}copy-to +copy a desk's SQLite data/);
    expect((await portier(['migrate', 'extra'])).code).toBe(2);
  });
});

describe('migrate on PostgreSQL', () => {
  it.skipIf(!pgUp)(`creates Portier's schema in an empty database, then finds it up to date${skip}`, async () => {
    const database = await throwawayDatabase();
    databases.push(database);
    const first = await portier(['migrate', '--database', database.url]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`migrated from schema version 0 to ${LATEST_SCHEMA_VERSION}`);
    expect(await schemaVersionOn(database.url)).toBe(LATEST_SCHEMA_VERSION);
    const again = await portier(['migrate'], { PORTIER_DATABASE_URL: database.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`up to date (schema version ${LATEST_SCHEMA_VERSION})`);
  }, 60_000);

  it.skipIf(!pgUp)(`brings an older database up to date${skip}`, async () => {
    const database = await throwawayDatabase();
    databases.push(database);
    await onPostgres(database.url, (db) => postgresDialect.migrate(db, MIGRATIONS.slice(0, 10)));
    const run = await portier(['migrate', '--database', database.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`migrated from schema version ${OLD_VERSION} to ${LATEST_SCHEMA_VERSION}`);
    expect(await schemaVersionOn(database.url)).toBe(LATEST_SCHEMA_VERSION);
  }, 60_000);

  it.skipIf(!pgUp)(`refuses a database from a newer Portier and leaves it untouched; never shows the password${skip}`, async () => {
    const database = await throwawayDatabase();
    databases.push(database);
    await onPostgres(database.url, (db) => postgresDialect.migrate(db, MIGRATIONS));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('UPDATE portier_schema_version SET version = $1', [LATEST_SCHEMA_VERSION + 1]);
    await client.end();
    const before = await onPostgres(database.url, databaseFingerprintOf);
    const withPassword = database.url.replace('postgres@', 'postgres:Geheim-w8woord@');
    const run = await portier(['migrate', '--database', withPassword]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('written by a newer version of Portier');
    expect(await onPostgres(database.url, databaseFingerprintOf)).toEqual(before);

    const up = await portier(['migrate', '--database', withPassword.replace(database.name, `${database.name}_missing`)]);
    expect(up.code).toBe(1);
    expect(up.stderr).toContain('***');
    expect(up.stderr).not.toContain('Geheim-w8woord');
  }, 60_000);

  it('refuses an address that is not PostgreSQL (exit code 2)', async () => {
    const run = await portier(['migrate', '--database', 'mysql://root@127.0.0.1/portier']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postgres://');
  });
});
