import type { HandFilter, HandPage } from './ticket-view-hand';
import type { Statements } from './postgres-statements';

/**
 * The view-as list written by hand for PostgreSQL: ticket-view-hand.ts's job and plan on the
 * same server the core runs on. Per call it reads the person, the setting and the live rights
 * the person may reach, builds the rights' condition (a project for an all-tasks right, a
 * (project, task) pair per covered task otherwise: index ranges of ticket_project_covering), then
 * the page of ids, the count when the page is full, and the page's rows joined. Statements are
 * prepared once per connection; the page and count differ per rights and filter, as the core's do.
 */
const PERSON = 'SELECT organisation_id AS org FROM person WHERE id = @person';
const SETTING = `SELECT (value_json::jsonb ->> 'ticketRightsOnInternalProjects')::boolean AS internal FROM setting WHERE key = 'ticketAccess'`;
const RIGHTS = `
  SELECT r.id, r.project_id, r.scope, r.task_id FROM ticket_right r
  JOIN project p ON p.id = r.project_id LEFT JOIN organisation o ON o.id = p.organisation_id
  WHERE r.person_id = @person AND r.revoked_at IS NULL
    AND ((p.organisation_id = @org AND NOT o.internal) OR (@internal AND (p.organisation_id IS NULL OR o.internal)))`;
const RIGHT_TASKS = 'SELECT right_id, task_id FROM ticket_right_task WHERE right_id = ANY(@rights::int[])';
const PAGE = `
  SELECT t.id, t.number, t.title, t.status, t.priority, t.project_id, p.name AS project_name, t.task_id, k.name AS task_name, s.name AS assignee_name,
         t.created_at, t.updated_at
  FROM ticket t JOIN project p ON p.id = t.project_id JOIN task k ON k.id = t.task_id LEFT JOIN staff s ON s.id = t.assignee_staff_id
  WHERE t.id = ANY(@ids::int[])`;

export function handTicketViewPostgres(db: Statements) {
  /** The rights' condition on `t` and its parameters, read afresh as the core reads them on every call. */
  const covered = async (personId: number, f: HandFilter) => {
    const org = (await db.rows<{ org: number }>(PERSON, { person: personId }))[0]?.org ?? 0;
    const internal = (await db.rows<{ internal: boolean | null }>(SETTING))[0]?.internal === true;
    const live = await db.rows<{ id: number; project_id: number; scope: string; task_id: number | null }>(RIGHTS, { person: personId, org, internal });
    const terms = live.filter((r) => r.scope !== 'existing_tasks').map((r) => (r.scope === 'all_tasks' ? `t.project_id = ${r.project_id}` : `(t.project_id = ${r.project_id} AND t.task_id = ${r.task_id ?? 0})`));
    const existing = live.filter((r) => r.scope === 'existing_tasks');
    const tasks = await db.rows<{ right_id: number; task_id: number }>(RIGHT_TASKS, { rights: existing.map((r) => r.id) });
    for (const r of existing) {
      const ids = tasks.filter((t) => t.right_id === r.id).map((t) => t.task_id);
      if (ids.length > 0) terms.push(`(t.project_id = ${r.project_id} AND t.task_id IN (${ids.join(',')}))`);
    }
    const condition = terms.length > 0 ? `(${terms.join(' OR ')})` : 'false';
    return { where: f.where ? `${condition} AND ${f.where}` : condition, params: f.params };
  };
  const count = async (where: string, params: Record<string, unknown>) => (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ticket t WHERE ${where}`, params))[0]?.n ?? 0;

  return {
    async list(personId: number, f: HandFilter): Promise<HandPage> {
      const { where, params } = await covered(personId, f);
      const ids = (await db.rows<{ id: number }>(`SELECT t.id FROM ticket t WHERE ${where} ORDER BY ${f.orderBy} LIMIT @limit`, { ...params, limit: f.limit })).map((r) => r.id);
      const total = ids.length < f.limit ? ids.length : await count(where, params);
      const byId = new Map((await db.rows<{ id: number; number: number }>(PAGE, { ids })).map((r) => [r.id, r.number]));
      return { numbers: ids.flatMap((id) => byId.get(id) ?? []), total };
    },
    async count(personId: number, f: HandFilter): Promise<number> {
      const { where, params } = await covered(personId, f);
      return count(where, params);
    },
  };
}
