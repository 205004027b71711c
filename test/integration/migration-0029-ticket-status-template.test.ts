import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0029', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';

it('0029: administrators\' templates stay as they were, and a ticket-status template may now be stored (other types still refused)', async () => {
  await migrateTo(db, 26);
  await sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('welcome', 'nl', 'Welkom', '<p>Hoi {{ name }}</p>', ${now})`.execute(db);
  await expect(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('ticket-status', 'en', 'S', 'H', ${now})`.execute(db)).rejects.toThrow(/CHECK/);

  await migrateTo(db, 29);

  const kept = await sql<Record<string, unknown>>`SELECT type, language, subject, html, updated_at FROM mail_template`.execute(db);
  expect(kept.rows).toEqual([{ type: 'welcome', language: 'nl', subject: 'Welkom', html: '<p>Hoi {{ name }}</p>', updated_at: now }]);
  await sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('ticket-status', 'de', 'S', 'H', ${now})`.execute(db);
  await expect(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('sms', 'de', 'S', 'H', ${now})`.execute(db)).rejects.toThrow(/CHECK/);
  await expect(sql`INSERT INTO mail_template (type, language, subject, html, updated_at) VALUES ('ticket-status', 'de', 'S2', 'H2', ${now})`.execute(db)).rejects.toThrow(/UNIQUE|PRIMARY/);
  const strict = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'mail_template'`.execute(db);
  expect(strict.rows[0]?.sql).toMatch(/STRICT$/);
});
