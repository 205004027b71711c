import { sql, type Kysely } from 'kysely';
import { searchKey } from '../../../../shared/text-key';
import type { Migration } from '../migration';

// Frozen copies of contacts/contact-keys.ts as of this migration: a migration keeps doing what
// it did when it shipped, and the database layer does not import the folders built on it.
const joinKeys = (parts: readonly (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(searchKey)
    .join('\n');

function organisationKeys(o: { name: string; customer_number: string | null; city: string | null }) {
  return { name_key: searchKey(o.name), search_key: joinKeys([o.name, o.customer_number, o.city]) };
}

function personKeys(p: { first_name: string | null; last_name: string; email: string | null }) {
  const fullName = [p.first_name, p.last_name].filter(Boolean).join(' ');
  return {
    name_key: searchKey([p.last_name, p.first_name].filter(Boolean).join(' ')),
    search_key: joinKeys([fullName, p.last_name, p.email]),
  };
}

/**
 * Stored search and sort keys for organisations and persons (shared/text-key.ts): SQLite's
 * lower(), LIKE and NOCASE fold ASCII only, so "ornstedt" did not find "Ørnstedt" and
 * "Łódź" sorted after "Zürich". name_key is the sort and name-lookup key; search_key holds
 * the keys of every searched field. The portal accounts' sort copies and search documents
 * are rebuilt from the keys (frozen copy of account-index.ts as of this migration).
 */
export const migration0016: Migration = {
  version: 16,
  name: 'search-keys',
  async up(db: Kysely<unknown>) {
    for (const table of ['organisation', 'person']) {
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN name_key TEXT NOT NULL DEFAULT ''`.execute(db);
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN search_key TEXT NOT NULL DEFAULT ''`.execute(db);
    }
    // Keyed in JavaScript: the folding needs Unicode tables SQLite does not have.
    const { rows: organisations } = await sql<{ id: number; name: string; customer_number: string | null; city: string | null }>`
      SELECT id, name, customer_number, city FROM organisation`.execute(db);
    for (const o of organisations) {
      const k = organisationKeys(o);
      await sql`UPDATE organisation SET name_key = ${k.name_key}, search_key = ${k.search_key} WHERE id = ${o.id}`.execute(db);
    }
    const { rows: persons } = await sql<{ id: number; first_name: string | null; last_name: string; email: string | null }>`
      SELECT id, first_name, last_name, email FROM person`.execute(db);
    for (const p of persons) {
      const k = personKeys(p);
      await sql`UPDATE person SET name_key = ${k.name_key}, search_key = ${k.search_key} WHERE id = ${p.id}`.execute(db);
    }
    await sql`CREATE INDEX organisation_name_key ON organisation (name_key, id)`.execute(db);
    await sql`CREATE INDEX person_name_key ON person (name_key, id)`.execute(db);

    await sql`
      UPDATE portal_account AS a SET
        person_sort = (SELECT p.name_key FROM portal_account_link l JOIN person p ON p.id = l.person_id
                       WHERE l.account_id = a.id AND l.is_default = 1),
        organisation_sort = (SELECT o.name_key FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id
                             WHERE l.account_id = a.id AND l.is_default = 1)`.execute(db);
    await sql`DELETE FROM portal_account_search`.execute(db);
    await sql`
      INSERT INTO portal_account_search (rowid, document)
      SELECT a.id, concat_ws(' ', a.username_key, a.nickname,
        (SELECT group_concat(concat_ws(' ', o.name_key, p.search_key), ' ')
         FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id LEFT JOIN person p ON p.id = l.person_id
         WHERE l.account_id = a.id))
      FROM portal_account a`.execute(db);
  },
  /** PostgreSQL: the key columns and their indexes (the keys sort bytewise, COLLATE "C", as SQLite's BINARY does). */
  async upPostgres(db: Kysely<unknown>) {
    for (const table of ['organisation', 'person']) {
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN name_key text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
      await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN search_key text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
    }
    await sql`CREATE INDEX organisation_name_key ON organisation (name_key, id)`.execute(db);
    await sql`CREATE INDEX person_name_key ON person (name_key, id)`.execute(db);
  },
};
