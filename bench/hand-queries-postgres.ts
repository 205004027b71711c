import type { HandRow } from './hand-queries';
import type { Statements } from './postgres-statements';

/**
 * The account list's queries written by hand for PostgreSQL: the yardstick listPortalAccounts
 * is measured against on the same server. Same shape as the SQLite bench's (page of ids, the
 * total when the page is full, then names, organisations and groups of the page, those three
 * side by side), no Kysely, each statement prepared once per connection.
 */
export interface PostgresHandQuery {
  /** Conditions after WHERE (empty: none), with @named parameters. */
  where: string;
  orderBy: string;
  params: Record<string, string | number>;
  limit: number;
  /**
   * How the total is had when the page is full, as one row with a column n: by default every
   * matching row counted up to the cap (as the list counts); the tallies where the core reads them.
   */
  countSql?: string;
}

/** The list counts up to this many and then says "more than" (ACCOUNT_TOTAL_CAP). */
export const CAP = 10_000;

const STATUS = `CASE
    WHEN NOT a.active THEN 'deactivated'
    WHEN a.locked_until > @now THEN 'locked'
    WHEN a.access_stage = 2 THEN 'active'
    WHEN a.access_stage = 0 THEN 'no_access'
    WHEN a.activation_expires_at <= @now THEN 'invitation_expired'
    ELSE 'invited' END`;

const VIEWS = `
  SELECT a.id, a.username, a.active, ${STATUS} AS status, a.activation_sent_at, s.name AS activation_sent_by_name,
         a.activation_expires_at, a.activated_at, a.last_sign_in_at, p.first_name, p.last_name
  FROM portal_account a
  LEFT JOIN staff s ON s.id = a.activation_sent_by
  LEFT JOIN portal_account_link d ON d.account_id = a.id AND d.is_default
  LEFT JOIN person p ON p.id = d.person_id
  WHERE a.id = ANY(@ids::int[])`;
const ORGANISATIONS = `
  SELECT l.account_id, o.name FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id
  WHERE l.account_id = ANY(@ids::int[]) ORDER BY l.account_id, l.is_default DESC, lower(o.name) COLLATE "C"`;
const GROUPS = `
  SELECT m.account_id, g.name FROM portal_account_role_group m JOIN role_group g ON g.id = m.role_group_id
  WHERE m.account_id = ANY(@ids::int[]) ORDER BY m.account_id, lower(g.name) COLLATE "C"`;

/** The count of `where`, up to the cap: what the list shows when it cannot read a tally. */
export const cappedCount = (where: string) => `SELECT count(*)::int AS n FROM (SELECT 1 FROM portal_account a ${where ? `WHERE ${where}` : ''} LIMIT @cap) capped`;

export function handListPostgres(db: Statements) {
  const byAccount = (rows: { account_id: number; name: string }[]) => {
    const map = new Map<number, string[]>();
    for (const r of rows) {
      const list = map.get(r.account_id);
      if (list) list.push(r.name);
      else map.set(r.account_id, [r.name]);
    }
    return map;
  };
  const count = async (q: PostgresHandQuery) => {
    const sqlText = q.countSql ?? cappedCount(q.where);
    // A tally is exact; a count stops at the cap.
    if (!sqlText.includes('@cap')) return (await db.rows<{ n: number }>(sqlText, q.params))[0]?.n ?? 0;
    return Math.min(CAP, (await db.rows<{ n: number }>(sqlText, { ...q.params, cap: CAP + 1 }))[0]?.n ?? 0);
  };

  return {
    count,
    async list(q: PostgresHandQuery): Promise<{ rows: HandRow[]; total: number }> {
      const where = q.where ? `WHERE ${q.where}` : '';
      const ids = (await db.rows<{ id: number }>(`SELECT a.id FROM portal_account a ${where} ORDER BY ${q.orderBy} LIMIT @limit`, { ...q.params, limit: q.limit })).map((r) => r.id);
      const total = ids.length > 0 && ids.length < q.limit ? ids.length : await count(q);
      if (ids.length === 0) return { rows: [], total };
      const [views, orgRows, groupRows] = await Promise.all([
        db.rows<{ id: number; username: string; status: string }>(VIEWS, { ids, now: q.params.now }),
        db.rows<{ account_id: number; name: string }>(ORGANISATIONS, { ids }),
        db.rows<{ account_id: number; name: string }>(GROUPS, { ids }),
      ]);
      const orgs = byAccount(orgRows);
      const names = byAccount(groupRows);
      const byId = new Map(views.map((v) => [v.id, v]));
      const rows = ids.flatMap((id) => {
        const v = byId.get(id);
        return v ? [{ id, username: v.username, status: v.status, organisations: orgs.get(id) ?? [], roleGroups: names.get(id) ?? [] }] : [];
      });
      return { rows, total };
    },
  };
}
