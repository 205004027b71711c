import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ParsedInputOf } from '../../../shared/api';
import { ACCOUNT_TOTAL_CAP, type AccountStatus, type PortalAccountRow, type TwoStepMethod } from '../../../shared/api/portal-accounts';
import type { Executor } from '../db/connection';
import { tallyTotal } from './account-tally-repository';
import { planAccountSearch } from './account-search-repository';
import { quickFilterCondition, statusCondition, statusExpression, statusRank } from './account-status-repository';
import { personDisplayName } from '../contacts/person-name';
import { dialectOf, sqlFor } from '../db/dialect/of-database';

/** What the account list asks for (the contract's input after defaults). */
export type AccountListQuery = ParsedInputOf<'portal-accounts:list'>;

/** One account-list row as the database gives it. */
interface AccountListView {
  id: number;
  username: string;
  nickname: string | null;
  active: number;
  status: AccountStatus;
  activation_sent_at: string | null;
  activation_sent_by_name: string | null;
  activation_expires_at: string | null;
  activated_at: string | null;
  last_sign_in_at: string | null;
  two_step_method: TwoStepMethod | null;
  person_first_name: string | null;
  person_last_name: string | null;
}

function viewToRow(view: AccountListView, organisations: string[], roleGroups: string[]): PortalAccountRow {
  return {
    id: view.id,
    username: view.username,
    nickname: view.nickname,
    personName: personDisplayName(view.person_first_name, view.person_last_name),
    organisations,
    roleGroups,
    active: view.active === 1,
    status: view.status,
    activationSentAt: view.activation_sent_at,
    activationSentByName: view.activation_sent_by_name,
    activationExpiresAt: view.activation_expires_at,
    activatedAt: view.activated_at,
    lastSignInAt: view.last_sign_in_at,
    twoStepMethod: view.two_step_method,
  };
}

/** Sorts on columns that may be empty: empty ones first ascending, on either database. */
const NULLABLE_SORTS: ReadonlySet<AccountListQuery['sort']> = new Set(['person', 'organisation', 'activationSentAt', 'activatedAt', 'lastSignInAt']);

/** Sort keys; each has an index (migration 0006) except status, which depends on the clock. */
function sortKey(db: Executor, sort: AccountListQuery['sort'], now: string): RawBuilder<unknown> {
  switch (sort) {
    case 'username':
      return sql`a.username_key`;
    case 'person':
      return sqlFor(db).caseless('a.person_sort');
    case 'organisation':
      return sqlFor(db).caseless('a.organisation_sort');
    case 'activationSentAt':
      return sql`a.activation_sent_at`;
    case 'activatedAt':
      return sql`a.activated_at`;
    case 'lastSignInAt':
      return sql`a.last_sign_in_at`;
    case 'status':
      return statusRank(now);
  }
}

/**
 * Equal sort keys are ordered by id, so pages never overlap. Usernames are unique: no tie
 * to break, and leaving the id out lets the partial indexes (deactivated, locked) serve
 * the order too.
 */
const tieBreak = (sort: AccountListQuery['sort'], direction: RawBuilder<unknown>) => (sort === 'username' ? sql`` : sql`, a.id ${direction}`);

/** Every condition of the query but the text search, ANDed; the sub-selects run once, not per row. */
export function conditions(db: Executor, q: AccountListQuery, now: string): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  const quick = quickFilterCondition(q.filter, now);
  if (quick) where.push(quick);
  if (q.status) where.push(statusCondition(db, q.status, now));
  if (q.organisationId !== undefined) {
    where.push(sql<SqlBool>`a.id IN (SELECT account_id FROM portal_account_link WHERE organisation_id = ${q.organisationId})`);
  }
  if (q.personId !== undefined) {
    where.push(sql<SqlBool>`a.id IN (SELECT account_id FROM portal_account_link WHERE person_id = ${q.personId})`);
  }
  if (q.roleGroupId !== undefined) {
    where.push(sql<SqlBool>`a.id IN (SELECT account_id FROM portal_account_role_group WHERE role_group_id = ${q.roleGroupId})`);
  }
  return where;
}

const whereClause = (where: RawBuilder<SqlBool>[]) =>
  where.length === 0 ? sql`` : sql`WHERE ${sql.join(where, sql` AND `)}`;

/**
 * One page of the account list and the number of matching accounts. First the page's
 * ids (filter, sort, limit: an index walk), then names, organisations and groups for
 * just those rows, so the joins never touch the other million.
 */
export async function listPortalAccounts(db: Executor, q: AccountListQuery, now: Date): Promise<{ rows: PortalAccountRow[]; total: number; totalExact: boolean }> {
  const at = now.toISOString();
  const filters = conditions(db, q, at);
  const search = q.search
    ? await planAccountSearch(db, q.search, { sortIndexed: q.sort !== 'status', cap: ACCOUNT_TOTAL_CAP + 1, alone: filters.length === 0, quick: { filter: q.filter, now: at } })
    : null;
  const where = whereClause(search ? [...filters, search.condition] : filters);
  // PostgreSQL counts a search by reading its matches: the page is sorted from those same matches.
  const fromHits = search?.hits === null && dialectOf(db).countsWithPage && !q.exactTotal ? await pageOfHits(db, q, at, where) : null;
  if (fromHits?.ids) return { rows: await accountRows(db, fromHits.ids, now), ...capped(fromHits.total) };
  const direction = sql.raw(q.direction === 'desc' ? 'DESC' : 'ASC');
  const idRows = await sql<{ id: number }>`
    SELECT a.id FROM portal_account a ${where}
    ORDER BY ${sortKey(db, q.sort, at)} ${direction} ${nullsLow(db, q)}${tieBreak(q.sort, direction)}
    LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  const ids = idRows.rows.map((r) => r.id);
  // A page that is not full is the last one: it says how many there are without counting.
  // A search alone, or with the quick filter it took into the index query (the quick filter's
  // condition is the first of `filters`): its hits, already counted up to the cap, are the total.
  // Else it is counted while the page's rows are read (on PostgreSQL's pool, side by side).
  const counted =
    ids.length > 0 && ids.length < q.limit
      ? { total: q.offset + ids.length, totalExact: true }
      : fromHits
        ? capped(fromHits.total)
        : search?.hits != null && filters.length === (search.withQuickFilter ? 1 : 0) && !q.exactTotal
          ? capped(search.hits)
          : totalOf(db, q, at, where);
  const [rows, total] = await Promise.all([accountRows(db, ids, now), counted]);
  return { rows, ...total };
}

/**
 * The page and the total of a search the database counts by reading its matches (PostgreSQL:
 * the trigram index gives candidates, each row is read and tested): the matches, up to the cap,
 * are read once, with their sort keys, counted, and the page is sorted from them, in one
 * statement, instead of a walk for the page and a second read of every match for the count.
 * When more than the cap match, the page is not among them: ids is null (the page is walked in
 * the sort order) and nothing is sorted. A page past the end has no ids and still the total.
 */
async function pageOfHits(db: Executor, q: AccountListQuery, at: string, where: RawBuilder<unknown>): Promise<{ ids: number[] | null; total: number }> {
  const direction = sql.raw(q.direction === 'desc' ? 'DESC' : 'ASC');
  const order = (of: string) => sql`${sql.ref(`${of}.sort_key`)} ${direction} ${nullsLow(db, q)}, ${sql.ref(`${of}.id`)} ${direction}`;
  const { rows } = await sql<{ id: number | null; total: number | string }>`
    WITH hits AS MATERIALIZED (SELECT a.id, ${sortKey(db, q.sort, at)} AS sort_key FROM portal_account a ${where} LIMIT ${ACCOUNT_TOTAL_CAP + 1}),
      counted AS (SELECT count(*) AS n FROM hits)
    SELECT page.id, counted.n AS total FROM counted
    LEFT JOIN LATERAL (SELECT h.id, h.sort_key FROM hits h WHERE counted.n <= ${ACCOUNT_TOTAL_CAP} ORDER BY ${order('h')} LIMIT ${q.limit} OFFSET ${q.offset}) page ON true
    ORDER BY ${order('page')}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  return { ids: total <= ACCOUNT_TOTAL_CAP ? rows.flatMap((r) => (r.id === null ? [] : [r.id])) : null, total };
}

const nullsLow = (db: Executor, q: AccountListQuery) => (NULLABLE_SORTS.has(q.sort) ? sqlFor(db).nullsLow(q.direction) : sql``);

const capped = (n: number) => (n > ACCOUNT_TOTAL_CAP ? { total: ACCOUNT_TOTAL_CAP, totalExact: false } : { total: n, totalExact: true });

/**
 * How many accounts match: from the tallies when the filter allows, else counted, but
 * never past ACCOUNT_TOTAL_CAP unless the caller asks for the exact number.
 */
async function totalOf(db: Executor, q: AccountListQuery, at: string, where: RawBuilder<unknown>): Promise<{ total: number; totalExact: boolean }> {
  const tallied = await tallyTotal(db, q, at);
  if (tallied !== null) return { total: tallied, totalExact: true };
  if (q.exactTotal) {
    const n = (await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account a ${where}`.execute(db)).rows[0]?.n ?? 0;
    return { total: Number(n), totalExact: true };
  }
  const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM portal_account a ${where} LIMIT ${ACCOUNT_TOTAL_CAP + 1}) AS capped`.execute(db);
  return capped(Number(counted.rows[0]?.n ?? 0));
}

/** The list rows of these accounts, in the order of `ids`. */
export async function accountRows(db: Executor, ids: readonly number[], now: Date): Promise<PortalAccountRow[]> {
  if (ids.length === 0) return [];
  const at = now.toISOString();
  const idList = sql.join(ids.map((id) => sql.lit(id)));
  const [views, links, groups] = await Promise.all([
    sql<AccountListView>`
      SELECT a.id, a.username, a.nickname, a.active, ${statusExpression(at)} AS status,
             a.activation_sent_at, s.name AS activation_sent_by_name, a.activation_expires_at,
             a.activated_at, a.last_sign_in_at, a.two_step_method, p.first_name AS person_first_name, p.last_name AS person_last_name
      FROM portal_account a
      LEFT JOIN staff s ON s.id = a.activation_sent_by
      LEFT JOIN portal_account_link d ON d.account_id = a.id AND ${sqlFor(db).flag('d.is_default', true)}
      LEFT JOIN person p ON p.id = d.person_id
      WHERE a.id IN (${idList})`.execute(db),
    sql<{ account_id: number; name: string }>`
      SELECT l.account_id, o.name FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id
      WHERE l.account_id IN (${idList}) ORDER BY l.account_id, l.is_default DESC, ${sqlFor(db).caseless('o.name')}`.execute(db),
    sql<{ account_id: number; name: string }>`
      SELECT m.account_id, g.name FROM portal_account_role_group m JOIN role_group g ON g.id = m.role_group_id
      WHERE m.account_id IN (${idList}) ORDER BY m.account_id, ${sqlFor(db).caseless('g.name')}`.execute(db),
  ]);
  const byAccount = (rows: { account_id: number; name: string }[]) => {
    const map = new Map<number, string[]>();
    for (const r of rows) map.set(r.account_id, [...(map.get(r.account_id) ?? []), r.name]);
    return map;
  };
  const orgs = byAccount(links.rows);
  const names = byAccount(groups.rows);
  const viewById = new Map(views.rows.map((v) => [v.id, v]));
  return ids.flatMap((id) => {
    const view = viewById.get(id);
    return view ? [viewToRow(view, orgs.get(id) ?? [], names.get(id) ?? [])] : [];
  });
}
