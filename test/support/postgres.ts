import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openPostgresDatabase } from '../../electron/core/db/dialect/postgres';

/**
 * PostgreSQL for the tests: the server on 127.0.0.1:5432 (trust auth for local connections, as
 * .ci/run sets it up), or PORTIER_TEST_POSTGRES_URL. Each test file gets a throwaway database of
 * its own, dropped after it; a test that needs the server is skipped, saying why, when none answers.
 */
export const POSTGRES_ADMIN_URL = process.env.PORTIER_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Appended to the name of a test that was skipped for want of a server. */
export const NO_POSTGRES = ' (skipped: no PostgreSQL on 127.0.0.1:5432)';

/** Whether the server answers (one short try). */
export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database's URL on the same server as the admin URL. */
export function urlOf(database: string, admin = POSTGRES_ADMIN_URL): string {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server as the admin user (CREATE / DROP DATABASE). */
export async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface ThrowawayDatabase {
  name: string;
  url: string;
  /** Drops the database, closing whatever connections a test left open. */
  drop(): Promise<void>;
}

/**
 * CREATE DATABASE portier_test_<random>: empty, the test's own. `icuLocale` ("nl-NL"): its text
 * sorts by that language's rules by default, as on an office's server set up in its language.
 */
export async function throwawayDatabase(options: { icuLocale?: 'nl-NL' | 'de-DE' | 'en-US' } = {}): Promise<ThrowawayDatabase> {
  const name = `portier_test_${randomBytes(6).toString('hex')}`;
  // The name is ours (hex) and the locale one of a fixed few, so they may stand in the statement as they are.
  const locale = options.icuLocale ? ` TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale}' LOCALE 'C.UTF-8'` : '';
  await asAdmin(`CREATE DATABASE ${name}${locale}`);
  return { name, url: urlOf(name), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Opens the database at `url` as Portier does, hands it to `use`, and closes it again. */
export async function onPostgres<T>(url: string, use: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const { db } = await openPostgresDatabase(url);
  try {
    return await use(db as unknown as Kysely<unknown>);
  } finally {
    await db.destroy();
  }
}
