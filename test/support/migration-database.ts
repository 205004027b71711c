import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { openPostgresDatabase, postgresDialect } from '../../electron/core/db/dialect/postgres';
import { migrate, readSchemaVersion } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDataDir } from './core';
import { postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from './postgres';

/**
 * A fresh, empty SQLite file for each test of a migration file, handed to `use` before each
 * test and closed and removed after it. Migrations are then applied step by step with migrateTo.
 */
export function withMigrationDatabase(name: string, use: (db: Kysely<unknown>) => void): void {
  let data: ReturnType<typeof tempDataDir>;
  let db: Kysely<unknown>;
  beforeEach(() => {
    data = tempDataDir(`portier-migration-${name}-`);
    db = kyselyFor(openSqlite(path.join(data.dir, 'portier.sqlite'))) as unknown as Kysely<unknown>;
    use(db);
  });
  afterEach(async () => {
    await db.destroy();
    data.remove();
  });
}

/** SQLite's whole schema as text. */
async function sqliteSchemaText(db: Kysely<unknown>): Promise<string[]> {
  return (await sql<{ sql: string }>`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name`.execute(db)).rows.map((r) => r.sql);
}

/**
 * A migration for PostgreSQL only changes nothing on SQLite: brought up to the migration before
 * `version`, then through it, the SQLite file says `version` and its schema is as it was.
 */
export async function expectSqliteUnchangedBy(db: Kysely<unknown>, version: number): Promise<void> {
  const previous = Math.max(0, ...MIGRATIONS.filter((m) => m.version < version).map((m) => m.version));
  await migrateTo(db, previous);
  const before = await sqliteSchemaText(db);
  await migrateTo(db, version);
  expect(await readSchemaVersion(db)).toBe(version);
  expect(await sqliteSchemaText(db)).toEqual(before);
}

/** Applies every migration up to and including `version`. */
export const migrateTo = (db: Kysely<unknown>, version: number) => migrate(db, MIGRATIONS.filter((m) => m.version <= version));

/**
 * One throwaway PostgreSQL database for a migration file, migrated up to and including `upTo`
 * before its tests and dropped after them; `get()` is undefined where no server answers (the
 * tests then skip, saying so with NO_POSTGRES).
 */
export function withPostgresMigrationDatabase(upTo: number): { get: () => Kysely<unknown> | undefined } {
  let database: ThrowawayDatabase | undefined;
  let pg: Kysely<unknown> | undefined;
  beforeAll(async () => {
    if (!(await postgresAnswers())) return;
    database = await throwawayDatabase();
    pg = (await openPostgresDatabase(database.url)).db as unknown as Kysely<unknown>;
    await postgresDialect.migrate(pg, MIGRATIONS.filter((m) => m.version <= upTo));
  }, 60_000);
  afterAll(async () => {
    await pg?.destroy();
    await database?.drop();
  });
  return { get: () => pg };
}
