import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOnPath } from '../../electron/cli/postgres-backup';
import { describePostgres, openPostgresForCore } from '../../electron/core/db/dialect/postgres';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * `backup --database URL`: the real pg_dump against a throwaway database of the machine's
 * PostgreSQL, restored with the real pg_restore into another. These tests make their own
 * databases, so they run once (SQLITE_ONLY in vitest.config.ts).
 */
const pgUp = await postgresAnswers();
const pgDump = findOnPath('pg_dump');
const pgRestore = findOnPath('pg_restore');
const skip = !pgUp ? NO_POSTGRES : !pgDump || !pgRestore ? ' (skipped: pg_dump or pg_restore is not installed: apt-get install postgresql-client)' : '';
const runs = skip === '';

const run = promisify(execFile);

/** A password with characters a URL must encode; the server trusts local connections, so it is never checked, only carried. */
const PASSWORD = 'Sekr3t p@ss/wörd?';
const withPassword = (url: string) => url.replace('postgres@', `postgres:${encodeURIComponent(PASSWORD)}@`);

let temp: ReturnType<typeof tempDataDir>;
let dataDir: string;
let source: ThrowawayDatabase;

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every table of the public schema with its number of rows. */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(url, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${name}"`))[0]?.n ?? -1;
  return counts;
}

const organisations = (url: string) => query(url, 'SELECT * FROM organisation ORDER BY id');

/** A folder for PATH holding one executable script named pg_dump. */
function pathWithPgDump(script: string): string {
  const bin = fs.mkdtempSync(path.join(temp.dir, 'bin-'));
  fs.writeFileSync(path.join(bin, 'pg_dump'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
}

const leftovers = () => fs.readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'));

beforeAll(async () => {
  temp = tempDataDir('portier-pg-backup-');
  dataDir = path.join(temp.dir, 'data');
  fs.mkdirSync(dataDir);
  if (!runs) return;
  source = await throwawayDatabase();
  const db = await openPostgresForCore(source.url);
  await db.destroy();
  const now = '2026-01-15T09:30:00.000Z';
  await query(
    source.url,
    `INSERT INTO organisation (name, customer_number, postal_code, city, country, language, internal, created_at, updated_at) VALUES
       ('Vandenberghe Bouw NV', 'C-1001', '9000', 'Gent', 'BE', 'nl', false, '${now}', '${now}'),
       ('Müller, Söhne & Co', 'C-1002', '50667', 'Köln', 'DE', 'de', false, '${now}', '${now}'),
       ('Łódź Łączność Sp. z o.o.', NULL, NULL, NULL, NULL, 'default', true, '${now}', '${now}')`,
  );
  await query(source.url, `INSERT INTO organisation (name, language, parent_id, created_at, updated_at) SELECT 'Vandenberghe Bouw Noord', 'nl', id, '${now}', '${now}' FROM organisation WHERE customer_number = 'C-1001'`);
}, 60_000);

afterAll(async () => {
  if (runs) await source.drop();
  temp.remove();
});

describe('portier CLI: backup --database on PostgreSQL (pg_dump)', () => {
  it.skipIf(!runs)(`writes an owner-only pg_dump custom-format file that pg_restore brings back row for row into another database${skip}`, async () => {
    const file = path.join(temp.dir, 'office.dump');
    const backup = await portier(['backup', file, '--database', source.url, '--data-dir', dataDir]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^Backup written to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d (kB|MB): pg_dump's custom format of .*, schema version ${LATEST_SCHEMA_VERSION}; restore it with pg_restore`));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(leftovers()).toEqual([]);

    const restored = await throwawayDatabase();
    try {
      await run('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${restored.url}`, file]);
      expect(await organisations(restored.url)).toEqual(await organisations(source.url));
      expect((await organisations(restored.url)).length).toBe(4);
      expect(await tableCounts(restored.url)).toEqual(await tableCounts(source.url));
      expect((await describePostgres(restored.url)).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      // The identity sequences come back where they were: a new row never takes an id a restored row has.
      const [next] = await query<{ id: number }>(restored.url, "INSERT INTO organisation (name, created_at, updated_at) VALUES ('After the restore', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z') RETURNING id");
      expect(next?.id).toBe(5);
    } finally {
      await restored.drop();
    }
  }, 60_000);

  it.skipIf(!runs)(`keeps the URL's password out of the output and off pg_dump's command line: it arrives as PGPASSWORD (a recording wrapper around the real pg_dump on PATH)${skip}`, async () => {
    const seen = path.join(temp.dir, 'seen');
    const PATH = pathWithPgDump(`printf '%s\\n' "$@" > "${seen}.args"\nprintf '%s' "$PGPASSWORD" > "${seen}.password"\nexec "${pgDump as string}" "$@"`);
    const encoded = encodeURIComponent(PASSWORD);
    const urls = [withPassword(source.url), `${source.url}?sslmode=disable&password=${encoded}&application_name=portier-backup`];
    for (const [i, url] of urls.entries()) {
      const file = path.join(temp.dir, `secret-${i}.dump`);
      const backup = await portier(['backup', file, '--database', url, '--data-dir', dataDir], { PATH });
      expect(backup.code, backup.stderr).toBe(0);
      const printed = backup.stdout + backup.stderr;
      expect(printed).toContain('***');
      for (const secret of [PASSWORD, encoded, 'Sekr3t']) expect(printed).not.toContain(secret);
      const args = fs.readFileSync(`${seen}.args`, 'utf8');
      expect(args).not.toContain('Sekr3t');
      expect(args).toContain('--format=custom');
      expect(fs.readFileSync(`${seen}.password`, 'utf8')).toBe(PASSWORD);
      expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
      if (i === 1) expect(args).toContain('sslmode=disable&application_name=portier-backup');
    }
    // The database name wrong: the connection error names the server, never the password.
    const missing = await portier(['backup', path.join(temp.dir, 'never.dump'), '--database', withPassword(source.url).replace(source.name, 'portier_no_such_database'), '--data-dir', dataDir], { PATH });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('portier_no_such_database');
    expect(missing.stderr).not.toContain('Sekr3t');
    expect(fs.existsSync(path.join(temp.dir, 'never.dump'))).toBe(false);
  }, 60_000);

  it.skipIf(!runs)(`refuses to overwrite FILE without --force and leaves it as it was; with --force renames a complete dump over it${skip}`, async () => {
    const file = path.join(temp.dir, 'existing.dump');
    fs.writeFileSync(file, 'the previous backup');
    const refused = await portier(['backup', file, '--database', source.url, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists; pass --force to replace it');
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous backup');

    const inode = fs.statSync(file).ino;
    const forced = await portier(['backup', file, '--force', '--database', source.url, '--data-dir', dataDir]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.statSync(file).ino).not.toBe(inode);
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it.skipIf(!pgUp)(`says how to install pg_dump when there is none (simulates a missing pg_dump by a PATH without it)${pgUp ? '' : NO_POSTGRES}`, async () => {
    const empty = fs.mkdtempSync(path.join(temp.dir, 'no-pg-dump-'));
    const file = path.join(temp.dir, 'without-pg-dump.dump');
    const backup = await portier(['backup', file, '--database', withPassword('postgres://postgres@127.0.0.1:5432/any'), '--data-dir', dataDir], { PATH: empty });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump was not found on PATH');
    expect(backup.stderr).toContain('sudo apt-get install postgresql-client');
    expect(backup.stderr).not.toContain('Sekr3t');
    expect(fs.existsSync(file)).toBe(false);
  });

  it.skipIf(!runs)(`turns a pg_dump older than the server into a sentence naming both versions, and keeps the old FILE (a stand-in pg_dump on PATH prints what pg_dump 15 says to a PostgreSQL 16 server)${skip}`, async () => {
    // Word for word what pg_dump 15 prints (src/bin/pg_dump/pg_backup_db.c, _check_database_version), with exit code 1.
    const PATH = pathWithPgDump(
      "echo 'pg_dump: error: aborting because of server version mismatch' >&2\n" +
        "echo 'pg_dump: detail: server version: 16.4 (Debian 16.4-1.pgdg120+2); pg_dump version: 15.20 (Debian 15.20-0+deb12u1)' >&2\nexit 1",
    );
    const file = path.join(temp.dir, 'kept.dump');
    fs.writeFileSync(file, 'last night');
    const backup = await portier(['backup', file, '--force', '--database', source.url, '--data-dir', dataDir], { PATH });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump 15.20 is older than the database server (PostgreSQL 16.4) and cannot back it up');
    expect(backup.stderr).toContain('postgresql-client-16');
    expect(backup.stderr).toContain('No backup was written.');
    expect(fs.readFileSync(file, 'utf8')).toBe('last night');
    expect(leftovers()).toEqual([]);
  });

  it.skipIf(!runs)(`refuses a database without Portier's schema (a mistyped name would give an empty dump)${skip}`, async () => {
    const empty = await throwawayDatabase();
    try {
      const file = path.join(temp.dir, 'empty.dump');
      const backup = await portier(['backup', file, '--database', empty.url, '--data-dir', dataDir]);
      expect(backup.code).toBe(1);
      expect(backup.stderr).toContain(`There is no Portier database at ${empty.url}`);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await empty.drop();
    }
  });
});
