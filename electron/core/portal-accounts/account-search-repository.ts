import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { searchKey } from '../../../shared/text-key';
import type { Executor } from '../db/connection';

/*
 * The account list's text search and how it is run. Three or more characters: the trigram
 * index of migration 0006 finds the accounts whose search document contains the text (any
 * case, accents ignored: documents and text are search keys). Two ways to use it, chosen
 * per query from how many accounts the term matches, as a query planner would:
 *  - a rare term ("index"): the hits drive the query; a few hundred rows are sorted;
 *  - a frequent term ("walk"): the list's sort index is walked in order until the page is
 *    full, instead of collecting and sorting tens of thousands of hits. Searched on its own,
 *    each row's stored document (migration 0019) is tested; with other filters (which read
 *    the row only for the rows they keep) each row id is tested against the hits, which
 *    SQLite probes through a Bloom filter before it reads the row.
 * Shorter text cannot use trigrams and is compared with every stored document.
 */

/** Trigrams need three characters. */
const MIN_INDEXED_SEARCH = 3;

/**
 * From this many hits on, walking the sort order fills a page sooner than sorting the hits.
 * Measured at 1M accounts: 25,000 hits sorted took 47 ms, walked 1.5 ms; a term with
 * under 2,000 hits is sorted in well under a millisecond either way.
 */
export const FREQUENT_TERM_HITS = 2_000;

export type SearchPlan = 'index' | 'walk' | 'scan';

export interface AccountSearch {
  plan: SearchPlan;
  /** The trigram hits, counted up to the cap asked for (null for a short term: it has no index). */
  hits: number | null;
  condition: RawBuilder<SqlBool>;
}

const phraseOf = (key: string) => `"${key.replaceAll('"', '""')}"`;

/**
 * The first `cap` accounts whose documents contain the term (the index hands hits out lazily,
 * in id order), as one comma-separated string: handing thousands of rows to JavaScript one by
 * one costs more than finding them.
 */
async function trigramHitIds(db: Executor, phrase: string, cap: number): Promise<{ list: string; count: number }> {
  const r = await sql<{ list: string | null }>`
    SELECT group_concat(rowid) AS list FROM (SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${phrase} LIMIT ${cap})`.execute(db);
  const list = r.rows[0]?.list ?? '';
  return { list, count: list === '' ? 0 : list.split(',').length };
}

/** How many accounts' documents contain the term, counted only up to `cap`. */
async function trigramHits(db: Executor, phrase: string, cap: number): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM portal_account_search WHERE portal_account_search MATCH ${phrase} LIMIT ${cap})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The search condition and its plan. `sortIndexed`: the list's order has an index to walk
 * (every order but status). `cap`: how far to count the hits (the list's total needs them).
 * `alone`: no other filter narrows the list.
 */
export async function planAccountSearch(db: Executor, search: string, sortIndexed: boolean, cap: number, alone = false): Promise<AccountSearch> {
  const key = searchKey(search);
  if ([...key].length < MIN_INDEXED_SEARCH) {
    return { plan: 'scan', hits: null, condition: sql<SqlBool>`instr(a.search_document, ${key}) > 0` };
  }
  const phrase = phraseOf(key);
  // A rare term's hits are few: fetched once here, they drive the query as a list, and the index is asked only once.
  const first = await trigramHitIds(db, phrase, FREQUENT_TERM_HITS);
  if (first.count < FREQUENT_TERM_HITS) {
    return { plan: 'index', hits: first.count, condition: sql<SqlBool>`a.id IN (SELECT value FROM json_each(${`[${first.list}]`}))` };
  }
  const hits = await trigramHits(db, phrase, Math.max(cap, FREQUENT_TERM_HITS));
  const hitIds = sql`(SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${phrase})`;
  if (!sortIndexed) return { plan: 'index', hits, condition: sql<SqlBool>`a.id IN ${hitIds}` };
  // Documents and the term are search keys, so a substring test finds exactly what the trigram phrase finds.
  if (alone) return { plan: 'walk', hits, condition: sql<SqlBool>`instr(a.search_document, ${key}) > 0` };
  // The unary + keeps SQLite from driving the query by the hits (an index on a.id), so it walks the order's index.
  return { plan: 'walk', hits, condition: sql<SqlBool>`+a.id IN ${hitIds}` };
}
