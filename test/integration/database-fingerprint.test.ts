import { sql, type Kysely } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { fingerprintedTables } from '../support/database-fingerprint';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const dbOf = (core: TestCore) => core.core.deps.db as unknown as Kysely<unknown>;

it('covers every table of the schema, from sqlite_master, leaving out only SQLite’s own and the full-text shadow tables', async () => {
  t = await startTestCore();
  const names = (await fingerprintedTables(dbOf(t))).map((table) => table.name);
  // The hand-kept list this replaced missed mail_template.
  expect(names).toEqual(expect.arrayContaining(['mail_template', 'staff', 'portal_account', 'portal_account_search', 'outbox_mail', 'document', 'audit_log']));
  expect(names.filter((name) => name.startsWith('sqlite_') || /^portal_account_search_/.test(name))).toEqual([]);
});

it('changes when a mail template, a full-text entry or the schema changes', async () => {
  t = await startTestCore();
  const db = dbOf(t);
  const fingerprints = [await databaseFingerprint(t.core)];
  await t.call('mail-templates:update', { type: 'welcome', language: 'en', subject: 'Welcome, {{ name }}', html: '<p>{{ username }} {{ portal_url }}</p>' });
  fingerprints.push(await databaseFingerprint(t.core));
  await sql`INSERT INTO portal_account_search (rowid, document) VALUES (4242, 'stray')`.execute(db);
  fingerprints.push(await databaseFingerprint(t.core));
  await sql`CREATE INDEX stray_index ON setting (value_json)`.execute(db);
  fingerprints.push(await databaseFingerprint(t.core));
  expect(new Set(fingerprints).size).toBe(fingerprints.length);
});
