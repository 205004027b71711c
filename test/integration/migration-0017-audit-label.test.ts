import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0017', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';

it('0017 audit label: entries gain the name as it was (backfilled), how they came in, and stay append-only', async () => {
  await migrateTo(db, 16);
  await run(sql`INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, 'Brouwerij De Ster', ${now}, ${now})`);
  await run(sql`INSERT INTO audit_log (at, entity, entity_id, action, after_json) VALUES (${now}, 'organisation', 1, 'created', '{"name":"Brouwerij"}')`);
  // A deleted person: only the values its deletion kept still name it.
  await run(sql`INSERT INTO audit_log (at, entity, entity_id, action, before_json) VALUES (${now}, 'person', 9, 'deleted', '{"firstName":"Anna","lastName":"Jansen"}')`);
  await run(sql`INSERT INTO audit_log (at, entity, entity_id, action, after_json) VALUES (${now}, 'portal-account', 5, 'activated', '{}')`);
  await run(sql`INSERT INTO audit_log (at, entity, action) VALUES (${now}, 'settings', 'updated')`);
  await migrateTo(db, 17);
  const { rows } = await sql<{ entity: string; label: string | null; via: string }>`SELECT entity, label, via FROM audit_log ORDER BY id`.execute(db);
  expect(rows).toEqual([
    { entity: 'organisation', label: 'Brouwerij De Ster', via: 'app' },
    { entity: 'person', label: 'Anna Jansen', via: 'app' },
    { entity: 'portal-account', label: null, via: 'portal' },
    { entity: 'settings', label: null, via: 'app' },
  ]);
  await expect(run(sql`INSERT INTO audit_log (at, entity, action, via) VALUES (${now}, 'settings', 'updated', 'telepathy')`)).rejects.toThrow(/CHECK/);
  await expect(run(sql`UPDATE audit_log SET label = 'forged'`)).rejects.toThrow(/append-only/);
  await expect(run(sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
});

it('0017 audit label: built-in role groups get their stable key, also one an administrator renamed', async () => {
  await migrateTo(db, 16);
  await run(sql`UPDATE role_group SET name = 'Klant', name_key = 'klant' WHERE name = 'Client'`);
  await run(sql`INSERT INTO role_group (name, name_key, description, created_at, updated_at) VALUES ('Readers', 'readers', 'Dashboard and reading tickets.', ${now}, ${now})`);
  await migrateTo(db, 17);
  const { rows } = await sql<{ name: string; built_in_key: string | null }>`SELECT name, built_in_key FROM role_group ORDER BY id`.execute(db);
  expect(rows).toEqual([
    { name: 'Standard', built_in_key: 'standard' },
    { name: 'Klant', built_in_key: 'client' },
    { name: 'Client participant', built_in_key: 'client-participant' },
    { name: 'Partner', built_in_key: 'partner' },
    { name: 'Readers', built_in_key: null },
  ]);
  await expect(run(sql`UPDATE role_group SET built_in_key = 'standard' WHERE name = 'Readers'`)).rejects.toThrow(/UNIQUE/);
});
