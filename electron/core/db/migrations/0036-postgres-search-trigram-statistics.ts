import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * PostgreSQL only (issue 13, the account list at 1M): statistics of the trigrams the account
 * search documents hold, so the search asks the pg_trgm index for a long term's parts without
 * common trigrams rather than for every trigram of it (db/dialect/trigram-window.ts). ANALYZE
 * (autovacuum's, and the one here) keeps each trigram's share of the documents for the 1,000 most
 * common ones. Statistics on an expression need PostgreSQL 14; on 13 there are none and the search
 * asks for the whole term, as before. SQLite's FTS5 index reads only the term's own positions:
 * nothing to do there.
 */
export const migration0036: Migration = {
  version: 36,
  name: 'postgres-search-trigram-statistics',
  up() {
    return Promise.resolve();
  },
  async upPostgres(db: Kysely<unknown>) {
    const { rows } = await sql<{ version: number }>`SELECT current_setting('server_version_num')::int AS version`.execute(db);
    if ((rows[0]?.version ?? 0) < 140_000) return;
    await sql`CREATE STATISTICS portal_account_search_trigrams ON (show_trgm(search_document)) FROM portal_account`.execute(db);
    await sql`ANALYZE portal_account`.execute(db);
  },
};
