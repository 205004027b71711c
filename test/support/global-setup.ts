import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openPostgresDatabase, postgresDialect } from '../../electron/core/db/dialect/postgres';
import { createTemplateDatabase } from './template-database';
import { onPostgres, postgresTemplateDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated PostgreSQL database that test databases are created from (project "postgres"). */
    postgresTemplate: string;
  }
}

/**
 * Once per test run: a database with every migration applied, which test cores copy instead
 * of migrating a new one each (test/support/core.ts): a file on SQLite, a template database
 * (CREATE DATABASE ... TEMPLATE) on PostgreSQL.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-template-'));
  project.provide('templateDatabase', await createTemplateDatabase(path.join(dir, 'template.sqlite')));
  let dropTemplate: () => Promise<void> = () => Promise.resolve();
  if (onPostgres) {
    const template = await postgresTemplateDatabase();
    const { db } = await openPostgresDatabase(template.url);
    try {
      await postgresDialect.migrate(db as unknown as Kysely<unknown>, MIGRATIONS);
    } finally {
      await db.destroy();
    }
    project.provide('postgresTemplate', template.name);
    dropTemplate = template.drop;
  }
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await dropTemplate();
  };
}
