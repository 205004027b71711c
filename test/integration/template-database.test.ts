import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { readSchemaVersion } from '../../electron/core/db/migration';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { DATABASE_FILE_NAME } from '../../electron/core/portier-core';
import { migratedDataDir, tempDataDir } from '../support/core';
import { databaseFingerprintText } from '../support/database-fingerprint';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

async function fingerprintOfDatabaseIn(dir: string): Promise<{ version: number; fingerprint: string }> {
  const { db } = await openDatabase(path.join(dir, DATABASE_FILE_NAME));
  try {
    const unknownDb = db as unknown as Kysely<unknown>;
    return { version: await readSchemaVersion(unknownDb), fingerprint: await databaseFingerprintText(unknownDb) };
  } finally {
    await db.destroy();
  }
}

// Migrations stamp the built-in rows with the time they ran (the template's: when the run began).
const withoutTimes = (fingerprint: string) => fingerprint.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>');

it('copies a database that is exactly what migrating a new file gives, but for the time it was made', async () => {
  const copied = migratedDataDir();
  const fresh = tempDataDir();
  cleanups.push(copied.remove, fresh.remove);
  // The copy is there before any core opens the folder: opening it migrates nothing.
  expect(fs.existsSync(path.join(copied.dir, DATABASE_FILE_NAME))).toBe(true);
  expect(fs.existsSync(path.join(fresh.dir, DATABASE_FILE_NAME))).toBe(false);
  const fromTemplate = await fingerprintOfDatabaseIn(copied.dir);
  const migrated = await fingerprintOfDatabaseIn(fresh.dir);
  expect(fromTemplate.version).toBe(MIGRATIONS.at(-1)?.version);
  expect(withoutTimes(fromTemplate.fingerprint)).toBe(withoutTimes(migrated.fingerprint));
  expect(fromTemplate.fingerprint).toContain('role_group:');
});
