import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDataDir } from './core';

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

/** Applies every migration up to and including `version`. */
export const migrateTo = (db: Kysely<unknown>, version: number) => migrate(db, MIGRATIONS.filter((m) => m.version <= version));
