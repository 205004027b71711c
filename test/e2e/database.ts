import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { openPostgresDatabase } from '../../electron/core/db/dialect/postgres';
import type { Database } from '../../electron/core/db/schema';
import { DATABASE_FILE_NAME } from '../../electron/core/portier-core';

/** Where a running Portier keeps its data: the data folder, and on PostgreSQL the database's URL. */
export interface DatabaseTarget {
  dataDir: string;
  databaseUrl?: string;
}

/**
 * Opens the database a running Portier (serve, portal) works on, as one more process on it
 * would: the data folder's SQLite file (which must exist), or the PostgreSQL database, whose
 * committed writes are announced to the other processes like any Portier process's. Runs
 * `use` and closes the database.
 */
export async function withDatabase<T>(target: DatabaseTarget, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  let db: Kysely<Database>;
  if (target.databaseUrl) {
    db = (await openPostgresDatabase(target.databaseUrl)).db;
  } else {
    const file = path.join(target.dataDir, DATABASE_FILE_NAME);
    if (!fs.existsSync(file)) throw new Error(`No database at ${file}: is Portier running on this data folder?`);
    db = kyselyFor(openSqlite(file));
  }
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}
