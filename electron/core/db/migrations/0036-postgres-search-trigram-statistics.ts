import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * PostgreSQL only (issue 13, the account list at 1M): statistics of the trigrams the account
 * search documents hold, so the search asks the pg_trgm index for the rarest part of a long term
 * rather than for every trigram of it (db/dialect/trigram-window.ts). ANALYZE (autovacuum's, and
 * the one here) keeps each trigram's share of the documents for the 1,000 most common ones.
 * SQLite's FTS5 index reads only the term's own positions: nothing to do there.
 */
export const migration0036: Migration = {
  version: 36,
  name: 'postgres-search-trigram-statistics',
  up() {
    return Promise.resolve();
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`CREATE STATISTICS portal_account_search_trigrams ON (show_trgm(search_document)) FROM portal_account`.execute(db);
    await sql`ANALYZE portal_account`.execute(db);
  },
};
