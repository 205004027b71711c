import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/connection';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { DATABASE_FILE_NAME } from '../../electron/core/portier-core';

/** A database with every migration applied, made once per test run (global-setup.ts) and copied into each test's data folder. */
export interface TemplateDatabase {
  file: string;
  /** The migrations it was made with; a template made before a migration was added or renamed (watch mode) is not used. */
  migrations: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: TemplateDatabase;
  }
}

export const migrationsSignature = (): string => MIGRATIONS.map((m) => `${m.version}:${m.name}`).join(' ');

/** Migrates a new database file as openPortierCore would, and closes it (WAL checkpointed, one file to copy). */
export async function createTemplateDatabase(file: string): Promise<TemplateDatabase> {
  const { db } = await openDatabase(file);
  await db.destroy();
  return { file, migrations: migrationsSignature() };
}

/**
 * Puts a copy of the migrated template database into an empty data folder, so opening a core
 * there finds nothing to migrate. Answers false (and copies nothing) for no template, or one
 * made from other migrations than this code has (a migration added while Vitest watches).
 */
export function copyTemplateDatabase(template: TemplateDatabase | undefined, dataDir: string): boolean {
  if (!template || template.migrations !== migrationsSignature() || !fs.existsSync(template.file)) return false;
  fs.copyFileSync(template.file, path.join(dataDir, DATABASE_FILE_NAME));
  return true;
}
