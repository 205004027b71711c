import { randomBytes } from 'node:crypto';
import { asAdmin, urlOf } from './postgres';

/**
 * Which database the integration tests run on: one `npm test` runs them twice, once per value
 * (vitest.config.ts, projects "sqlite" and "postgres"). Run one side alone with
 * `npx vitest run --project sqlite` or `--project postgres`.
 */
export type TestDatabaseKind = 'sqlite' | 'postgres';

export const TEST_DATABASE: TestDatabaseKind = process.env.PORTIER_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export const onPostgres = TEST_DATABASE === 'postgres';

/** Said in the name of a test that runs on one database only, and why. */
export const SQLITE_ONLY = ' (SQLite only: it is about the SQLite file itself)';

/** A database name of our own (hex), safe to put in a statement as it is. */
const newName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

export interface PostgresTestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A throwaway database for one test core: a copy of the migrated template (global-setup.ts)
 * when there is one, else empty (the core migrates it, as in a child process).
 */
export async function postgresTestDatabase(template?: string): Promise<PostgresTestDatabase> {
  const name = newName('portier_test');
  await asAdmin(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  return { url: urlOf(name), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** An empty database that becomes the run's template once migrated; the caller drops it at the end. */
export async function postgresTemplateDatabase(): Promise<PostgresTestDatabase & { name: string }> {
  const name = newName('portier_template');
  await asAdmin(`CREATE DATABASE ${name}`);
  return { name, url: urlOf(name), drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
