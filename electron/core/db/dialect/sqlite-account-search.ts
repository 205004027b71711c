import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { QuickFilter } from '../../../../shared/api/portal-accounts';
import { searchKey } from '../../../../shared/text-key';
import type { Executor } from '../connection';
import { FREQUENT_TERM_HITS, type AccountSearch, type SearchScope } from './account-search';

/*
 * The account list's text search on SQLite and how it is run. Three or more characters: the trigram
 * index of migration 0006 finds the accounts whose search document contains the text (any
 * case, accents ignored: documents and text are search keys). Two ways to use it, chosen
 * per query from how many accounts the term matches, as a query planner would:
 *  - a rare term ("index"): the hits drive the query; a few hundred rows are sorted;
 *  - a frequent term ("walk"): the list's sort index is walked in order until the page is
 *    full, instead of collecting and sorting tens of thousands of hits. Searched on its own,
 *    each row's stored document (migration 0019) is tested; with other filters (which read
 *    the row only for the rows they keep) each row id is tested against the hits, which
 *    SQLite probes through a Bloom filter before it reads the row.
 * With a quick filter the index answers for both at once: it holds each account's quick-filter
 * stage too (migration 0024), so "invited" + "smit" is one index query whose hits are already
 * the list's, and their number is its total.
 * Shorter text cannot use trigrams and is compared with every stored document.
 */

/** Trigrams need three characters. */
const MIN_INDEXED_SEARCH = 3;

/*
 * From FREQUENT_TERM_HITS hits on, walking the sort order fills a page sooner than sorting the
 * hits. Measured at 1M accounts: 25,000 hits sorted took 47 ms, walked 1.5 ms; a term with
 * under 2,000 hits is sorted in well under a millisecond either way.
 */

/** A quick filter's stage as the search index's stage column holds it (migration 0024). */
const STAGE_WORD: Record<Exclude<QuickFilter, 'all'>, string> = { never_invited: 'new', invited: 'inv', invitation_expired: 'exp', activated: 'act' };

/** The term, searched in the documents only: the stage column holds words of three letters too. */
const phraseOf = (key: string) => `document : "${key.replaceAll('"', '""')}"`;

/**
 * The first `cap` accounts the index query finds (the index hands hits out lazily, in id
 * order), as one comma-separated string: handing thousands of rows to JavaScript one by one
 * costs more than finding them.
 */
async function trigramHitIds(db: Executor, query: string, cap: number): Promise<{ list: string; count: number }> {
  const r = await sql<{ list: string | null; n: number }>`
    SELECT group_concat(rowid) AS list, count(*) AS n FROM (SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${query} LIMIT ${cap})`.execute(db);
  return { list: r.rows[0]?.list ?? '', count: Number(r.rows[0]?.n ?? 0) };
}

/** How many accounts' documents contain the term, counted only up to `cap`. */
async function trigramHits(db: Executor, query: string, cap: number): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT 1 FROM portal_account_search WHERE portal_account_search MATCH ${query} LIMIT ${cap})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The search condition and its plan on SQLite. */
export async function planSqliteAccountSearch(db: Executor, search: string, scope: SearchScope): Promise<AccountSearch> {
  const key = searchKey(search);
  if ([...key].length < MIN_INDEXED_SEARCH) {
    return { plan: 'scan', hits: null, withQuickFilter: false, condition: sql<SqlBool>`instr(a.search_document, ${key}) > 0` };
  }
  if (scope.quick && scope.quick.filter !== 'all') return planStagedSearch(db, key, scope.quick.filter, scope.quick.now, scope);
  const phrase = phraseOf(key);
  // A rare term's hits are few: fetched once here, they drive the query as a list, and the index is asked only once.
  const first = await trigramHitIds(db, phrase, FREQUENT_TERM_HITS);
  if (first.count < FREQUENT_TERM_HITS) {
    return { plan: 'index', hits: first.count, withQuickFilter: false, condition: sql<SqlBool>`a.id IN (SELECT value FROM json_each(${`[${first.list}]`}))` };
  }
  const hits = await trigramHits(db, phrase, Math.max(scope.cap, FREQUENT_TERM_HITS));
  const hitIds = sql`(SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${phrase})`;
  if (!scope.sortIndexed) return { plan: 'index', hits, withQuickFilter: false, condition: sql<SqlBool>`a.id IN ${hitIds}` };
  // Documents and the term are search keys, so a substring test finds exactly what the trigram phrase finds.
  if (scope.alone) return { plan: 'walk', hits, withQuickFilter: false, condition: sql<SqlBool>`instr(a.search_document, ${key}) > 0` };
  // The unary + keeps SQLite from driving the query by the hits (an index on a.id), so it walks the order's index.
  return { plan: 'walk', hits, withQuickFilter: false, condition: sql<SqlBool>`+a.id IN ${hitIds}` };
}

/**
 * The term's accounts in a quick filter, from one index query over both columns. The index's
 * stage of an invitation is as of the last sweep (migration 0024), so two kinds of account are
 * corrected for: 'inv' that have run out since (they leave "invited" and join "expired") and
 * 'exp' that have not run out at `now` (the clock went back; the other way round). The hits
 * are then a superset of the list's and the quick filter's own condition, which stays in the
 * list's WHERE, drops the rest; the count is exact.
 */
async function planStagedSearch(db: Executor, key: string, filter: Exclude<QuickFilter, 'all'>, now: string, scope: SearchScope): Promise<AccountSearch> {
  const query = `${phraseOf(key)} AND stage : "${STAGE_WORD[filter]}"`;
  const { leaving, joining } = filter === 'invited' || filter === 'invitation_expired' ? await unsweptInvitations(db, key, now, filter) : { leaving: 0, joining: [] };
  const cap = scope.cap + leaving;
  const found = await trigramHitIds(db, query, cap);
  const hits = found.count - leaving + joining.length;
  // Under the cap the list holds every hit; else the index is asked again, without a limit, by the page.
  const ids =
    found.count < cap
      ? sql`(SELECT value FROM json_each(${`[${[found.list, ...joining].filter((part) => part !== '').join(',')}]`}))`
      : sql`(SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH ${query} UNION ALL SELECT value FROM json_each(${JSON.stringify(joining)}))`;
  if (!scope.sortIndexed || hits < FREQUENT_TERM_HITS) return { plan: 'index', hits, withQuickFilter: true, condition: sql<SqlBool>`a.id IN ${ids}` };
  return { plan: 'walk', hits, withQuickFilter: true, condition: sql<SqlBool>`+a.id IN ${ids}` };
}

/**
 * The term's invitations whose stage in the index is not theirs at `now`: how many of the
 * index's hits for `filter` are not the filter's (`leaving`), and which of the filter's accounts
 * the index does not give (`joining`). Two ranges of portal_account_search_stage_expires, each
 * row tested as the trigram index would (documents and term are search keys): empty right after a sweep.
 */
async function unsweptInvitations(db: Executor, key: string, now: string, filter: 'invited' | 'invitation_expired'): Promise<{ leaving: number; joining: number[] }> {
  const r = await sql<{ id: number; ran_out: number }>`
    SELECT a.id, 1 AS ran_out FROM portal_account a
    WHERE a.access_stage = 1 AND a.search_stage = 'inv' AND a.activation_expires_at <= ${now} AND instr(a.search_document, ${key}) > 0
    UNION ALL
    SELECT a.id, 0 AS ran_out FROM portal_account a
    WHERE a.access_stage = 1 AND a.search_stage = 'exp' AND a.activation_expires_at > ${now} AND instr(a.search_document, ${key}) > 0`.execute(db);
  const ranOut = r.rows.filter((row) => row.ran_out === 1).map((row) => row.id);
  const reopened = r.rows.filter((row) => row.ran_out === 0).map((row) => row.id);
  return filter === 'invited' ? { leaving: ranOut.length, joining: reopened } : { leaving: reopened.length, joining: ranOut };
}

/** The FTS5 index's rows of the accounts `ids` (a subquery) rewritten from their documents and stages. */
export async function refreshSqliteAccountSearch(trx: Executor, ids: RawBuilder<unknown>): Promise<void> {
  await sql`DELETE FROM portal_account_search WHERE rowid IN (${ids})`.execute(trx);
  await sql`
    INSERT INTO portal_account_search (rowid, document, stage)
    SELECT a.id, a.search_document, a.search_stage FROM portal_account a WHERE a.id IN (${ids})`.execute(trx);
}
