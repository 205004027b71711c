import type SQLite from 'better-sqlite3';

/**
 * The account list's queries written by hand on better-sqlite3 prepared statements:
 * the yardstick listPortalAccounts is measured against. Same SQL shape (page of ids,
 * count when needed, then names, organisations and groups of the page), no Kysely,
 * no async, statements prepared once.
 */
export interface HandQuery {
  /** Conditions after WHERE (empty: none), with named parameters. */
  where: string;
  orderBy: string;
  params: Record<string, string | number>;
  limit: number;
  /** How the total is counted, up to the cap (@cap), when the page is full; default: every matching row (what the tallies give the core). */
  countSql?: string;
  /**
   * A search whose hits are collected first (a quick filter with a search): their ids, bound as
   * @hits (a JSON array) for the page, and their number, the total when the page is full.
   */
  hits?: (prepared: Prepared) => { ids: string; total: number };
}

/** A statement prepared once per text. */
export type Prepared = (text: string) => SQLite.Statement;

/** The list counts up to this many and then says "more than" (as ACCOUNT_TOTAL_CAP). */
const CAP = 10_000;

const STATUS = `CASE
    WHEN a.active = 0 THEN 'deactivated'
    WHEN a.locked_until > @now THEN 'locked'
    WHEN a.access_stage = 2 THEN 'active'
    WHEN a.access_stage = 0 THEN 'no_access'
    WHEN a.activation_expires_at <= @now THEN 'invitation_expired'
    ELSE 'invited' END`;

export interface HandRow {
  id: number;
  username: string;
  status: string;
  organisations: string[];
  roleGroups: string[];
}

/** Prepares each statement text once, as the core's compiled queries are. */
export function statementCache(sqlite: SQLite.Database): Prepared {
  const cache = new Map<string, SQLite.Statement>();
  return (text: string) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
}

export function handList(sqlite: SQLite.Database) {
  const prepared = statementCache(sqlite);
  const views = sqlite.prepare(`
    SELECT a.id, a.username, a.active, ${STATUS} AS status, a.activation_sent_at, s.name AS activation_sent_by_name,
           a.activation_expires_at, a.activated_at, a.last_sign_in_at, p.first_name, p.last_name
    FROM portal_account a
    LEFT JOIN staff s ON s.id = a.activation_sent_by
    LEFT JOIN portal_account_link d ON d.account_id = a.id AND d.is_default = 1
    LEFT JOIN person p ON p.id = d.person_id
    WHERE a.id IN (SELECT value FROM json_each(@ids))`);
  const organisations = sqlite.prepare(`
    SELECT l.account_id, o.name FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id
    WHERE l.account_id IN (SELECT value FROM json_each(@ids)) ORDER BY l.account_id, l.is_default DESC, o.name COLLATE NOCASE`);
  const groups = sqlite.prepare(`
    SELECT m.account_id, g.name FROM portal_account_role_group m JOIN role_group g ON g.id = m.role_group_id
    WHERE m.account_id IN (SELECT value FROM json_each(@ids)) ORDER BY m.account_id, g.name COLLATE NOCASE`);

  return (q: HandQuery): { rows: HandRow[]; total: number } => {
    const where = q.where ? `WHERE ${q.where}` : '';
    const hits = q.hits?.(prepared);
    const params = hits ? { ...q.params, hits: hits.ids } : q.params;
    const ids = (prepared(`SELECT a.id FROM portal_account a ${where} ORDER BY ${q.orderBy} LIMIT @limit`).all({ ...params, limit: q.limit }) as { id: number }[]).map(
      (r) => r.id,
    );
    const counted = (sqlText: string) => Math.min(CAP, (prepared(sqlText).get({ ...q.params, cap: CAP + 1 }) as { n: number }).n);
    const total =
      ids.length > 0 && ids.length < q.limit
        ? ids.length
        : hits
          ? Math.min(CAP, hits.total)
          : q.countSql
          ? counted(q.countSql)
          : (prepared(`SELECT count(*) AS n FROM portal_account a ${where}`).get(q.params) as { n: number }).n;
    if (ids.length === 0) return { rows: [], total };
    const json = JSON.stringify(ids);
    const byAccount = (rows: { account_id: number; name: string }[]) => {
      const map = new Map<number, string[]>();
      for (const r of rows) {
        const list = map.get(r.account_id);
        if (list) list.push(r.name);
        else map.set(r.account_id, [r.name]);
      }
      return map;
    };
    const viewRows = views.all({ ids: json, now: q.params.now }) as { id: number; username: string; status: string }[];
    const orgs = byAccount(organisations.all({ ids: json }) as { account_id: number; name: string }[]);
    const names = byAccount(groups.all({ ids: json }) as { account_id: number; name: string }[]);
    const byId = new Map(viewRows.map((v) => [v.id, v]));
    const rows = ids.flatMap((id) => {
      const v = byId.get(id);
      return v ? [{ id, username: v.username, status: v.status, organisations: orgs.get(id) ?? [], roleGroups: names.get(id) ?? [] }] : [];
    });
    return { rows, total };
  };
}
