import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * PostgreSQL only (issue 13, the account list at 1M): ANALYZE samples 500 x 300 documents of the
 * accounts instead of 100 x 300. The planner guesses how many documents hold a search term from
 * that sample, and with the default one its guess for a frequent term ("smit": 50,072 at 1M) ran
 * from 30,000 to 161,000 between ANALYZEs. Guessed high, it tested every document holding the
 * term instead of those the quick filter's index also gives: 100-220 ms for "invited" + "smit"
 * instead of 40-80. With this sample the guesses stayed within 37,000-60,000. ANALYZE of 1M
 * accounts takes a few seconds instead of one, and the trigram statistics of 0036 follow the
 * column's target (the 5,000 most common trigrams). SQLite's FTS5 index counts a term's rows
 * itself: nothing to do there.
 */
export const migration0037: Migration = {
  version: 37,
  name: 'postgres-search-statistics-target',
  up() {
    return Promise.resolve();
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ALTER COLUMN search_document SET STATISTICS 500`.execute(db);
    await sql`ANALYZE portal_account`.execute(db);
  },
};
