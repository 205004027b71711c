import type { RawBuilder, SqlBool } from 'kysely';
import type { QuickFilter } from '../../../../shared/api/portal-accounts';

/*
 * The account list's text search, as each dialect answers it (sqlite-account-search.ts,
 * postgres-account-search.ts): the condition for the list's WHERE, and how it was planned.
 */

/** From this many hits on, a search is "frequent" (the selection walks rather than lists). */
export const FREQUENT_TERM_HITS = 2_000;

export type SearchPlan = 'index' | 'walk' | 'scan';

export interface AccountSearch {
  plan: SearchPlan;
  /**
   * The accounts found, counted up to the cap asked for: those whose documents contain the term,
   * or, when `withQuickFilter`, those of them in the quick filter at `now`. Null when the plan
   * does not count them (a short term; PostgreSQL): the list counts its rows itself.
   */
  hits: number | null;
  /** The hits are those of the quick filter too: with no other filter, they are the list's total. */
  withQuickFilter: boolean;
  condition: RawBuilder<SqlBool>;
}

/** How the list searches. */
export interface SearchScope {
  /** The list's order has an index to walk (every order but status). */
  sortIndexed: boolean;
  /** How far to count the hits (the list's total needs them). */
  cap: number;
  /** No other filter narrows the list. */
  alone?: boolean;
  /** The list's quick filter and the moment it is judged at; its own condition stays in the list's WHERE. */
  quick?: { filter: QuickFilter; now: string };
}

