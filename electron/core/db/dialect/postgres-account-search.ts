import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { searchKey } from '../../../../shared/text-key';
import type { Executor } from '../connection';
import { escapeLike } from '../text-search';
import type { AccountSearch, SearchScope } from './account-search';
import { relationExists } from './postgres-relations';
import { indexParts } from './trigram-window';

/**
 * The account list's text search on PostgreSQL: the stored search document (migration 0019)
 * contains the text. LIKE '%...%' is what the pg_trgm GIN index on the document answers, and
 * PostgreSQL's planner chooses between it and the list's sort index by itself; the list counts
 * its rows itself (hits: null). Documents and text are search keys (lower case, accents
 * folded), so LIKE's case sensitivity does not matter, and the same accounts are found as by
 * SQLite's FTS5 trigram index.
 *
 * A term made mostly of trigrams every document holds (a whole username: "@org9758.example") asks
 * the index for its parts without them, and each row it gives is tested for the whole term
 * (strpos, which the index does not answer, so the planner keeps to the parts): the same
 * accounts, from a few short posting lists instead of every one of the term's (trigram-window.ts).
 */
export async function planPostgresAccountSearch(db: Executor, search: string, _scope: SearchScope): Promise<AccountSearch> {
  const key = searchKey(search);
  const frequency = await trigramFrequencies(db);
  const parts = frequency ? indexParts(key, frequency) : [key];
  const contains = (text: string) => sql<SqlBool>`a.search_document LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
  const condition =
    parts.length === 1 && parts[0] === key ? contains(key) : sql<SqlBool>`${sql.join(parts.map(contains), sql` AND `)} AND strpos(a.search_document, ${key}) > 0`;
  return { plan: 'index', hits: null, withQuickFilter: false, condition };
}

/** Nothing to rewrite: the GIN index follows the documents by itself. */
export function refreshPostgresAccountSearch(_trx: Executor, _ids: RawBuilder<unknown>): Promise<void> {
  return Promise.resolve();
}

/** The statistics object of migration 0036: the documents' trigrams, as ANALYZE samples them. */
const TRIGRAM_STATISTICS = 'portal_account_search_trigrams';

/** Statistics change with ANALYZE (autovacuum's, after many changes): read again after this long. */
const STATISTICS_KEPT_MS = 10 * 60_000;

type Frequency = (trigram: string) => number;

/** Per database (a Kysely instance and its transactions share its adapter): when read, and what. */
const statisticsRead = new WeakMap<object, { at: number; frequency: Promise<Frequency | null> }>();

/**
 * Each trigram's share of the documents, from the most common elements ANALYZE found; a trigram
 * not among them is rarer than the rarest of them (half its share is assumed). Null before the
 * first ANALYZE, and on PostgreSQL 13: then the whole term is asked for.
 */
function trigramFrequencies(db: Executor): Promise<Frequency | null> {
  const owner = db.getExecutor().adapter;
  const kept = statisticsRead.get(owner);
  if (kept && Date.now() - kept.at < STATISTICS_KEPT_MS) return kept.frequency;
  const frequency = readTrigramStatistics(db).catch(() => null);
  statisticsRead.set(owner, { at: Date.now(), frequency });
  return frequency;
}

async function readTrigramStatistics(db: Executor): Promise<Frequency | null> {
  // PostgreSQL 13 has no statistics on expressions (migration 0036 made none there), nor this view.
  if (!(await relationExists(db, 'pg_catalog.pg_stats_ext_exprs'))) return null;
  const { rows } = await sql<{ elements: string[] | null; shares: number[] | null }>`
    SELECT most_common_elems::text::text[] AS elements, most_common_elem_freqs AS shares
    FROM pg_stats_ext_exprs WHERE statistics_name = ${TRIGRAM_STATISTICS} AND schemaname = current_schema()`.execute(db);
  const { elements, shares } = rows[0] ?? {};
  if (!elements || !shares || elements.length === 0) return null;
  const known = new Map(elements.map((element, i) => [element, shares[i] ?? 0]));
  const rarest = Math.min(...known.values());
  return (trigram) => known.get(trigram) ?? rarest / 2;
}
