import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { searchKey } from '../../../../shared/text-key';
import type { Executor } from '../connection';
import { escapeLike } from '../text-search';
import type { AccountSearch, SearchScope } from './account-search';

/**
 * The account list's text search on PostgreSQL: the stored search document (migration 0019)
 * contains the text. LIKE '%...%' is what the pg_trgm GIN index on the document answers, and
 * PostgreSQL's planner chooses between it and the list's sort index by itself, so there is no
 * planning here; the list counts its rows itself (hits: null). Documents and text are search
 * keys (lower case, accents folded), so LIKE's case sensitivity does not matter, and the same
 * accounts are found as by SQLite's FTS5 trigram index.
 */
export function planPostgresAccountSearch(_db: Executor, search: string, _scope: SearchScope): Promise<AccountSearch> {
  const pattern = `%${escapeLike(searchKey(search))}%`;
  return Promise.resolve({ plan: 'index', hits: null, withQuickFilter: false, condition: sql<SqlBool>`a.search_document LIKE ${pattern} ESCAPE '\\'` });
}

/** Nothing to rewrite: the GIN index follows the documents by itself. */
export function refreshPostgresAccountSearch(_trx: Executor, _ids: RawBuilder<unknown>): Promise<void> {
  return Promise.resolve();
}
