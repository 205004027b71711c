import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ParsedInputOf } from '../../../shared/api';
import type { Executor } from '../db/connection';
import { conditions, type AccountListQuery } from './account-list-repository';
import { FREQUENT_TERM_HITS, planAccountSearch } from './account-search-repository';
import { sqlFor } from '../db/dialect/of-database';

/** Every account the list shows for a filter, bar some: the parsed `{ filter, exceptIds }` of a bulk channel. */
export type AccountsMatchingQuery = Pick<ParsedInputOf<'portal-accounts:delete-matching'>, 'filter' | 'exceptIds'>;

/** A matching account and what a bulk change needs to know of it. */
export interface MatchingAccount {
  id: number;
  active: boolean;
}

/**
 * The list's own conditions for the filter (the same function builds the list's WHERE), so
 * a bulk action reaches exactly the accounts the list shows. Order and paging play no part.
 */
async function matchingConditions(db: Executor, { filter, exceptIds }: AccountsMatchingQuery, now: Date): Promise<RawBuilder<SqlBool>[]> {
  const asListed: AccountListQuery = { ...filter, sort: 'username', direction: 'asc', offset: 0, limit: 1, exactTotal: false };
  const where = conditions(db, asListed, now.toISOString());
  // Walking in id order is an index walk (the rowid), so the search may walk too.
  if (filter.search) {
    const quick = { filter: asListed.filter, now: now.toISOString() };
    where.push((await planAccountSearch(db, filter.search, { sortIndexed: true, cap: FREQUENT_TERM_HITS, alone: where.length === 0, quick })).condition);
  }
  // One parameter, not thousands of literals or bound variables.
  if (exceptIds.length > 0) where.push(sql<SqlBool>`a.id NOT IN (${sqlFor(db).integers(exceptIds)})`);
  return where;
}

/** The next `limit` matching accounts after `afterId`, in id order: one query, whatever the bulk change did to the ones before. */
export async function matchingAccounts(db: Executor, q: AccountsMatchingQuery, now: Date, afterId: number, limit: number): Promise<MatchingAccount[]> {
  const where = [...(await matchingConditions(db, q, now)), sql<SqlBool>`a.id > ${afterId}`];
  const rows = await sql<{ id: number; active: number }>`
    SELECT a.id, a.active FROM portal_account a WHERE ${sql.join(where, sql` AND `)}
    ORDER BY a.id LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, active: r.active === 1 }));
}

/** How many accounts match; a full count, run once per bulk change (on its first step). */
export async function countMatchingAccounts(db: Executor, q: AccountsMatchingQuery, now: Date): Promise<number> {
  const where = await matchingConditions(db, q, now);
  const clause = where.length === 0 ? sql`` : sql`WHERE ${sql.join(where, sql` AND `)}`;
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account a ${clause}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
