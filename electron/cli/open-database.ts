import path from 'node:path';
import type { Kysely } from 'kysely';
import { kyselyFor, openSqlite } from '../core/db/connection';
import { chooseDatabase, redactDatabaseUrl } from '../core/db/dialect/database-url';
import { openPostgresDatabase } from '../core/db/dialect/postgres';
import { DATABASE_FILE_NAME } from '../core/portier-core';
import { ensurePrivateFile, ensurePrivateFolder } from '../core/private-files';
import { UsageError } from './cli-errors';

/**
 * A database opened as it is, without migrating it: for the commands that look at or change
 * the schema themselves (migrate, copy-to). `shown` names it for messages, without a password.
 */
export interface OpenedDatabase {
  db: Kysely<unknown>;
  shown: string;
  close(): Promise<void>;
}

/** portier.sqlite in `dataDir`; created (owner-only, like the core makes it) unless read-only. */
export function openSqliteIn(dataDir: string, options: { readonly?: boolean } = {}): OpenedDatabase {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (!options.readonly) {
    ensurePrivateFolder(dataDir);
    ensurePrivateFile(file);
  }
  const db = kyselyFor(openSqlite(file, options.readonly ? { readonly: true } : {})) as unknown as Kysely<unknown>;
  return { db, shown: file, close: () => db.destroy() };
}

/** The PostgreSQL database at `url` (postgres://...); `option` names the flag for a bad address. */
export async function openPostgresAt(url: string, command: string, option: string): Promise<OpenedDatabase> {
  let choice;
  try {
    choice = chooseDatabase(url);
  } catch (error) {
    throw new UsageError(`${option}: ${(error as Error).message}`, command);
  }
  if (choice.kind !== 'postgres') throw new UsageError(`${option} needs a postgres://user@host:5432/database URL.`, command);
  const { db } = await openPostgresDatabase(choice.url);
  return { db: db as unknown as Kysely<unknown>, shown: redactDatabaseUrl(choice.url), close: () => db.destroy() };
}
