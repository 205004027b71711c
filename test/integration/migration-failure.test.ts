import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kyselyFor, openSqlite } from '../../electron/core/db/connection';
import { migrate, readSchemaVersion, type Migration } from '../../electron/core/db/migration';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { DATABASE_FILE_NAME } from '../../electron/core/portier-core';
import { createSampleRows } from '../support/channel-samples';
import { startTestCore, type TestCore } from '../support/core';
import { databaseFingerprintOf } from '../support/database-fingerprint';

/**
 * A migration that fails half-way on a database in use (accounts, tokens, mails, letters,
 * audit entries) leaves it exactly as it was: every table's schema and rows, and its version.
 */
let t: TestCore;
let db: Kysely<unknown>;

beforeAll(async () => {
  t = await startTestCore();
  const ids = await createSampleRows(t);
  await t.call('portal-accounts:send-activation', { ids: [ids.account] });
  await t.call('mail-templates:update', { type: 'welcome', language: 'en', subject: 'Welcome, {{ name }}', html: '<p>{{ username }} {{ portal_url }}</p>' });
  await t.core.close();
  db = kyselyFor(openSqlite(path.join(t.core.dataDir, DATABASE_FILE_NAME))) as unknown as Kysely<unknown>;
});
afterAll(async () => {
  await db.destroy();
  await t.close().catch(() => undefined);
});

/** A step that succeeds and changes a lot: new table, new column, rows added, changed and removed, an index dropped. */
const changesEverything: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'changes-everything',
  async up(trx) {
    await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT`.execute(trx);
    await sql`INSERT INTO half_done (id) VALUES (1)`.execute(trx);
    await sql`ALTER TABLE organisation ADD COLUMN extra TEXT`.execute(trx);
    await sql`UPDATE portal_account SET nickname = 'changed'`.execute(trx);
    await sql`INSERT INTO setting (key, value_json) VALUES ('half-done', '{}')`.execute(trx);
    await sql`DELETE FROM mail_template`.execute(trx);
    await sql`DELETE FROM portal_account_search`.execute(trx);
    await sql`DROP INDEX document_account`.execute(trx);
  },
};

const failing: Migration = {
  version: LATEST_SCHEMA_VERSION + 2,
  name: 'failing',
  async up(trx) {
    await sql`DELETE FROM outbox_mail`.execute(trx);
    await sql`INSERT INTO no_such_table VALUES (1)`.execute(trx);
  },
};

/** A table rebuild (foreign keys off while it runs) that breaks a reference: refused before the commit. */
const breaksForeignKeys: Migration = {
  version: LATEST_SCHEMA_VERSION + 1,
  name: 'breaks-foreign-keys',
  rebuildsTables: true,
  async up(trx) {
    await sql`DELETE FROM organisation`.execute(trx);
  },
};

it('leaves a populated database unchanged, schema and rows and user_version, when a pending step fails', async () => {
  const before = await databaseFingerprintOf(db);
  expect(before['portal_account']).toContain('sample@example.com');
  expect(before['outbox_mail']).not.toBe('');
  expect(before['mail_template']).not.toBe('');

  await expect(migrate(db, [...MIGRATIONS, changesEverything, failing])).rejects.toThrow(/no_such_table/);
  expect(await readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  expect(await databaseFingerprintOf(db)).toEqual(before);

  await expect(migrate(db, [...MIGRATIONS, breaksForeignKeys])).rejects.toThrow(/broke \d+ foreign key/);
  expect(await readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
  expect(await databaseFingerprintOf(db)).toEqual(before);
  const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  expect(rows[0]?.foreign_keys).toBe(1);
});
