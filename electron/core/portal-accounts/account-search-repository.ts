import type { Executor } from '../db/connection';
import type { AccountSearch, SearchScope } from '../db/dialect/account-search';
import { dialectOf } from '../db/dialect/of-database';

/*
 * The account list's text search: which accounts' search documents (migration 0019) contain the
 * text, any case, accents ignored (documents and text are search keys, shared/text-key.ts).
 * How it is found is the database's own: an FTS5 trigram index on SQLite, with a planner of
 * its own (db/dialect/sqlite-account-search.ts); a pg_trgm GIN index that PostgreSQL's planner
 * uses by itself (db/dialect/postgres-account-search.ts). Both give the same accounts.
 */

export { FREQUENT_TERM_HITS, type AccountSearch, type SearchPlan, type SearchScope } from '../db/dialect/account-search';

/** The search condition and its plan, from the database the list runs on. */
export function planAccountSearch(db: Executor, search: string, scope: SearchScope): Promise<AccountSearch> {
  return dialectOf(db).planAccountSearch(db, search, scope);
}
