import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The account's search document kept on its row too (the trigram index holds a copy): a
 * frequent term searched on its own is then found by walking the list's sort order and
 * testing each row's document, without first collecting every hit (account-search-repository.ts).
 * Filled with a frozen copy of account-index.ts's document SQL.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'account-search-document',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ADD COLUMN search_document TEXT NOT NULL DEFAULT ''`.execute(db);
    await sql`
      UPDATE portal_account AS a SET search_document = concat_ws(' ', a.username_key, a.nickname_key,
        (SELECT group_concat(concat_ws(' ', o.name_key, p.search_key), ' ')
         FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id LEFT JOIN person p ON p.id = l.person_id
         WHERE l.account_id = a.id))`.execute(db);
  },
  /**
   * PostgreSQL: the document on the row is what is searched, through a pg_trgm GIN index (any
   * part of three or more characters, as FTS5's trigrams). No unaccent(): the document holds
   * search keys, already folded in JavaScript (case, accents, ø, ł, ß...) exactly as SQLite's
   * are, and the search term is folded the same way; unaccent's own table would fold some
   * letters differently and give other results than SQLite.
   */
  async upPostgres(db: Kysely<unknown>) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`ALTER TABLE portal_account ADD COLUMN search_document text COLLATE "C" NOT NULL DEFAULT ''`.execute(db);
    await sql`CREATE INDEX portal_account_search_document ON portal_account USING gin (search_document gin_trgm_ops)`.execute(db);
  },
};
