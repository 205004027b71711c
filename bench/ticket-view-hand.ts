import type SQLite from 'better-sqlite3';

/**
 * The view-as list written by hand on better-sqlite3 prepared statements: the yardstick
 * ticket-view:list is measured against. It does the whole job the core does for one call —
 * read the person, the settings and the live rights whose project the person may reach, then
 * the page and the count — with the plan an engineer would choose: each right one index range
 * of ticket_project_covering (project_id, task_id, status, priority, updated_at, number,
 * title_key) — a project for an all-tasks right, a (project, task) point per covered task
 * otherwise — so page and count come from the index alone; then the page's rows joined.
 */
export interface HandFilter {
  /** Conditions on `t` after the rights (empty: none), with named parameters. */
  where: string;
  params: Record<string, string | number>;
  orderBy: string;
  limit: number;
}

export interface HandPage {
  numbers: number[];
  total: number;
}

export const HAND_SORTS = {
  updated: 't.updated_at',
  number: 't.number',
  title: 't.title_key',
  priority: "CASE t.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END",
  status: 't.status',
} as const;

export function handTicketView(sqlite: SQLite.Database) {
  const person = sqlite.prepare('SELECT organisation_id AS org FROM person WHERE id = ?');
  const settings = sqlite.prepare(`SELECT value_json ->> 'ticketRightsOnInternalProjects' AS internal FROM setting WHERE key = 'ticketAccess'`);
  // Live rights on projects the contact may reach: its organisation's, or internal ones while allowed.
  const rights = sqlite.prepare(`
    SELECT r.id, r.project_id, r.scope, r.task_id FROM ticket_right r
    JOIN project p ON p.id = r.project_id LEFT JOIN organisation o ON o.id = p.organisation_id
    WHERE r.person_id = @person AND r.revoked_at IS NULL
      AND ((p.organisation_id = @org AND o.internal = 0) OR (@internal = 1 AND (p.organisation_id IS NULL OR o.internal = 1)))`);
  const rightTasks = sqlite.prepare('SELECT right_id, task_id FROM ticket_right_task WHERE right_id IN (SELECT value FROM json_each(?))');
  const page = sqlite.prepare(`
    SELECT t.id, t.number, t.title, t.status, t.priority, t.project_id, p.name AS project_name, t.task_id, k.name AS task_name, s.name AS assignee_name,
           t.created_at, t.updated_at
    FROM ticket t JOIN project p ON p.id = t.project_id JOIN task k ON k.id = t.task_id LEFT JOIN staff s ON s.id = t.assignee_staff_id
    WHERE t.id IN (SELECT value FROM json_each(@ids))`);
  const cache = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let statement = cache.get(text);
    if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
    return statement;
  };

  /** The rights' condition on `t` and its parameters, read afresh as the core reads them on every call. */
  const covered = (personId: number, f: HandFilter) => {
    const org = (person.get(personId) as { org: number } | undefined)?.org ?? 0;
    const internal = Number((settings.get() as { internal: number } | undefined)?.internal ?? 0);
    const live = rights.all({ person: personId, org, internal }) as { id: number; project_id: number; scope: string; task_id: number | null }[];
    const terms = live.filter((r) => r.scope !== 'existing_tasks').map((r) => (r.scope === 'all_tasks' ? `t.project_id = ${r.project_id}` : `(t.project_id = ${r.project_id} AND t.task_id = ${r.task_id ?? 0})`));
    const existing = live.filter((r) => r.scope === 'existing_tasks');
    const tasks = rightTasks.all(JSON.stringify(existing.map((r) => r.id))) as { right_id: number; task_id: number }[];
    for (const r of existing) {
      const ids = tasks.filter((t) => t.right_id === r.id).map((t) => t.task_id);
      if (ids.length > 0) terms.push(`(t.project_id = ${r.project_id} AND t.task_id IN (${ids.join(',')}))`);
    }
    const condition = terms.length > 0 ? `(${terms.join(' OR ')})` : '0';
    return { where: f.where ? `${condition} AND ${f.where}` : condition, params: f.params };
  };
  const count = (where: string, params: Record<string, unknown>) => (prepared(`SELECT count(*) AS n FROM ticket t WHERE ${where}`).get(params) as { n: number }).n;

  return {
    list(personId: number, f: HandFilter): HandPage {
      const { where, params } = covered(personId, f);
      const ids = (prepared(`SELECT t.id FROM ticket t WHERE ${where} ORDER BY ${f.orderBy} LIMIT @limit`).all({ ...params, limit: f.limit }) as { id: number }[]).map((r) => r.id);
      const total = ids.length < f.limit ? ids.length : count(where, params);
      const byId = new Map((page.all({ ids: JSON.stringify(ids) }) as { id: number; number: number }[]).map((r) => [r.id, r.number]));
      return { numbers: ids.flatMap((id) => byId.get(id) ?? []), total };
    },
    count(personId: number, f: HandFilter): number {
      const { where, params } = covered(personId, f);
      return count(where, params);
    },
  };
}
