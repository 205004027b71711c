import { sql, type Compilable, type CompiledQuery, type Expression, type ExpressionBuilder, type QueryResult, type SqlBool } from 'kysely';
import type { RightHolder } from '../../../shared/api/ticket-rights';
import type { ViewContact } from '../../../shared/api/ticket-view';
import { compiledOnce } from '../db/compiled-once';
import { containsKey } from '../db/text-search';
import type { Executor } from '../db/connection';
import type { Database, TicketPriorityValue, TicketStatusValue } from '../db/schema';
import { accountStatus } from '../portal-accounts/account-status';
import { liveRights, type ContactRef, type RightFact, type TicketFacts, type TicketScope } from './ticket-access';
import { dialectOf, sqlFor } from '../db/dialect/of-database';

/** compiledOnce for a query over a list of ids (never empty): one compiled query per length of the list. */
function compiledForIds<R>(build: (db: Executor, ids: number[]) => Compilable<R>): (db: Executor, ids: readonly number[]) => Promise<QueryResult<R>> {
  const byLength = new Map<number, (db: Executor, ...ids: number[]) => Promise<QueryResult<R>>>();
  return (db, ids) => {
    let run = byLength.get(ids.length);
    if (!run) byLength.set(ids.length, (run = compiledOnce((d: Executor, ...args: number[]) => build(d, args))));
    return run(db, ...ids);
  };
}

const rightTasks = compiledForIds((db, rightIds) => db.selectFrom('ticket_right_task').select(['right_id', 'task_id']).where('right_id', 'in', rightIds).orderBy('task_id'));

const RIGHT_COLUMNS = ['id', 'project_id', 'scope', 'task_id', 'read_only', 'created_at', 'revoked_at'] as const;

/*
 * The contact's facts are read on every call of the view (and later the portal) with only their
 * values changing: compiled once, so each call pays SQLite's work, not Kysely's building.
 */
const personRights = compiledOnce((db, personId: number) => db.selectFrom('ticket_right').select(RIGHT_COLUMNS).where('person_id', '=', personId).orderBy('id'));
const linkRights = compiledOnce((db, accountId: number, organisationId: number) =>
  db.selectFrom('ticket_right').select(RIGHT_COLUMNS).where('account_id', '=', accountId).where('account_organisation_id', '=', organisationId).orderBy('id'),
);

/** The rights a holder has (live and revoked), each with the stored tasks of an existing_tasks right. */
export async function readRightFacts(db: Executor, holder: RightHolder): Promise<RightFact[]> {
  const { rows } = await ('personId' in holder ? personRights(db, holder.personId) : linkRights(db, holder.accountId, holder.organisationId));
  const existing = rows.filter((r) => r.scope === 'existing_tasks').map((r) => r.id);
  const tasks = existing.length === 0 ? [] : (await rightTasks(db, existing)).rows;
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    scope: r.scope,
    taskId: r.task_id,
    taskIds: tasks.filter((t) => t.right_id === r.id).map((t) => t.task_id),
    readOnly: r.read_only === 1,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** Who a view's contact is, as the database has it; null when the person or account does not exist. */
export interface ContactRecord {
  contact: ContactRef;
  organisationId: number | null;
  account: { active: boolean; hasAccess: boolean } | null;
  /** Whose rights count: the person's (also for an account link naming one), or the link's. */
  holder: RightHolder | null;
}

const selectPerson = compiledOnce((db, personId: number) => db.selectFrom('person').select(['id', 'organisation_id']).where('id', '=', personId));
const selectAccount = compiledOnce((db, accountId: number) =>
  db.selectFrom('portal_account').select(['id', 'active', 'locked_until', 'activated_at', 'password_hash', 'activation_sent_at', 'activation_expires_at']).where('id', '=', accountId),
);
// The default link unless the caller names one; the account's portal session starts on it too.
const selectDefaultLink = compiledOnce((db, accountId: number) =>
  db.selectFrom('portal_account_link').select(['organisation_id', 'person_id']).where('account_id', '=', accountId).orderBy('is_default', 'desc').orderBy('organisation_id').limit(1),
);
const selectNamedLink = compiledOnce((db, accountId: number, organisationId: number) =>
  db.selectFrom('portal_account_link').select(['organisation_id', 'person_id']).where('account_id', '=', accountId).where('organisation_id', '=', organisationId).orderBy('is_default', 'desc').orderBy('organisation_id').limit(1),
);

export async function readContactRecord(db: Executor, contact: ViewContact, now: Date): Promise<ContactRecord | null> {
  if ('personId' in contact) {
    const [person] = (await selectPerson(db, contact.personId)).rows;
    if (!person) return null;
    return { contact: { kind: 'person', personId: person.id }, organisationId: person.organisation_id, account: null, holder: { personId: person.id } };
  }
  const [account] = (await selectAccount(db, contact.accountId)).rows;
  if (!account) return null;
  const [link] = (await (contact.organisationId === undefined ? selectDefaultLink(db, account.id) : selectNamedLink(db, account.id, contact.organisationId))).rows;
  const facts = { active: account.active === 1, hasAccess: accountStatus(account, now) === 'active' };
  if (!link) return { contact: { kind: 'account', accountId: account.id, personId: null }, organisationId: null, account: facts, holder: null };
  return {
    contact: { kind: 'account', accountId: account.id, personId: link.person_id },
    organisationId: link.organisation_id,
    account: facts,
    holder: link.person_id !== null ? { personId: link.person_id } : { accountId: account.id, organisationId: link.organisation_id },
  };
}

/**
 * The contact a signed-in portal account acts as: the organisation and person of its session
 * (its principal, checked against the account's links and umbrella children at every call), so
 * switching organisation switches what the access function builds. For a link, this is the
 * record readContactRecord reads for { accountId, organisationId } ("view as contact").
 */
export async function readPortalContactRecord(db: Executor, acting: { accountId: number; organisationId: number; personId: number | null }, now: Date): Promise<ContactRecord | null> {
  const [account] = (await selectAccount(db, acting.accountId)).rows;
  if (!account) return null;
  return {
    contact: { kind: 'account', accountId: account.id, personId: acting.personId },
    organisationId: acting.organisationId,
    account: { active: account.active === 1, hasAccess: accountStatus(account, now) === 'active' },
    holder: acting.personId !== null ? { personId: acting.personId } : { accountId: account.id, organisationId: acting.organisationId },
  };
}

/** Names for the view's banner. */
export async function readContactNames(db: Executor, record: ContactRecord): Promise<{ person: { first: string | null; last: string } | null; username: string | null; organisation: string | null }> {
  const personId = record.contact.personId;
  const person = personId === null ? undefined : await db.selectFrom('person').select(['first_name', 'last_name']).where('id', '=', personId).executeTakeFirst();
  const account = record.contact.kind === 'account' ? await db.selectFrom('portal_account').select('username').where('id', '=', record.contact.accountId).executeTakeFirst() : undefined;
  const organisation = record.organisationId === null ? undefined : await db.selectFrom('organisation').select('name').where('id', '=', record.organisationId).executeTakeFirst();
  return { person: person ? { first: person.first_name, last: person.last_name } : null, username: account?.username ?? null, organisation: organisation?.name ?? null };
}

type TicketQueryBuilder = ExpressionBuilder<Database, 'ticket'>;

/**
 * THE condition of every ticket query made for a contact (see ticket-access.ts for the rules):
 * the ticket's primary project and task are covered by a live right, and that project is the
 * contact's customer's (or internal while allowed), read live from project and organisation.
 * The project check is one uncorrelated subquery over the rights' projects (project's primary
 * key), so SQLite evaluates it once and walks ticket_project_covering (migration 0021) for the rest.
 */
export function ticketVisibleTo(scope: TicketScope): (eb: TicketQueryBuilder) => Expression<SqlBool> {
  return (eb) => {
    const rights = liveRights(scope);
    if (rights.length === 0 || scope.organisationId === null) return sql<SqlBool>`1 = 0`;
    const covered = rights.map((r) => {
      const project = eb('ticket.project_id', '=', r.projectId);
      if (r.scope === 'all_tasks') return project;
      if (r.scope === 'one_task') return eb.and([project, eb('ticket.task_id', '=', r.taskId ?? 0)]);
      // A right not saved yet (the rights editor's preview: negative id) carries its tasks with it.
      if (r.id < 0) return r.taskIds.length === 0 ? sql<SqlBool>`1 = 0` : eb.and([project, eb('ticket.task_id', 'in', [...r.taskIds])]);
      return eb.and([project, eb('ticket.task_id', 'in', eb.selectFrom('ticket_right_task').select('ticket_right_task.task_id').where('ticket_right_task.right_id', '=', r.id))]);
    });
    const org = scope.organisationId;
    const reachable = eb
      .selectFrom('project as p')
      .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select('p.id')
      .where('p.id', 'in', [...new Set(rights.map((r) => r.projectId))])
      .where((w) =>
        scope.internalProjectsAllowed
          ? w.or([w('p.organisation_id', 'is', null), w('o.internal', '=', 1), w('p.organisation_id', '=', org)])
          : w.and([w('p.organisation_id', '=', org), w('o.internal', '=', 0)]),
      );
    return eb.and([eb.or(covered), eb('ticket.project_id', 'in', reachable)]);
  };
}

/** The facts explain() needs about one ticket, by its number; null when there is no such ticket. */
export async function readTicketFacts(db: Executor, number: number): Promise<(TicketFacts & { id: number }) | null> {
  const row = await db
    .selectFrom('ticket')
    .innerJoin('project', 'project.id', 'ticket.project_id')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .innerJoin('task', 'task.id', 'ticket.task_id')
    .select(['ticket.id', 'ticket.project_id', 'ticket.task_id', 'project.organisation_id', 'organisation.internal', 'task.created_at'])
    .where('ticket.number', '=', number)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    projectId: row.project_id,
    taskId: row.task_id,
    projectOrganisationId: row.organisation_id,
    projectInternal: row.organisation_id === null || row.internal === 1,
    taskCreatedAt: row.created_at,
  };
}

/**
 * The facts explain() needs for a ticket that does not exist yet (a new ticket on this task):
 * null when the task is not one of the project's. Archived flags come along for the caller.
 */
export async function readTaskFacts(db: Executor, projectId: number, taskId: number): Promise<(TicketFacts & { projectArchived: boolean; taskArchived: boolean }) | null> {
  const row = await db
    .selectFrom('task')
    .innerJoin('project', 'project.id', 'task.project_id')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .select(['task.id', 'task.project_id', 'project.organisation_id', 'organisation.internal', 'task.created_at', 'task.archived_at', 'project.archived_at as project_archived_at'])
    .where('task.id', '=', taskId)
    .where('task.project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    projectId: row.project_id,
    taskId: row.id,
    projectOrganisationId: row.organisation_id,
    projectInternal: row.organisation_id === null || row.internal === 1,
    taskCreatedAt: row.created_at,
    projectArchived: row.project_archived_at !== null,
    taskArchived: row.archived_at !== null,
  };
}

/** Every ticket's explain facts (tests compare the SQL list with explain over all tickets). */
export async function readAllTicketFacts(db: Executor): Promise<(TicketFacts & { number: number })[]> {
  const rows = await db
    .selectFrom('ticket')
    .innerJoin('project', 'project.id', 'ticket.project_id')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .innerJoin('task', 'task.id', 'ticket.task_id')
    .select(['ticket.number', 'ticket.project_id', 'ticket.task_id', 'project.organisation_id', 'organisation.internal', 'task.created_at'])
    .orderBy('ticket.number')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    projectId: row.project_id,
    taskId: row.task_id,
    projectOrganisationId: row.organisation_id,
    projectInternal: row.organisation_id === null || row.internal === 1,
    taskCreatedAt: row.created_at,
  }));
}

/** What the view's list asks for. */
export interface ContactTicketQuery {
  quickLink: 'open' | 'waiting_for_me' | 'done_to_accept' | 'all';
  projectId?: number | undefined;
  taskId?: number | undefined;
  priority?: TicketPriorityValue | undefined;
  status?: TicketStatusValue | undefined;
  search: string;
  sort: 'updated' | 'number' | 'title' | 'priority' | 'status';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const QUICK_LINK_STATUSES: Record<Exclude<ContactTicketQuery['quickLink'], 'all'>, TicketStatusValue[]> = {
  open: ['new', 'in_progress', 'waiting_for_customer'],
  waiting_for_me: ['waiting_for_customer'],
  done_to_accept: ['done'],
};

/** One row of a contact's ticket list as the database gives it; contact-ticket-fields.ts turns it into what the contact may see. */
export interface ContactTicketView {
  id: number;
  number: number;
  title: string;
  status: TicketStatusValue;
  priority: TicketPriorityValue;
  project_id: number;
  project_name: string;
  task_id: number;
  task_name: string;
  assignee_name: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The ticket's status as a value no index serves. SQLite's planner, without statistics, rates
 * `status IN (...)` on ticket_status as more selective than the rights' OR over ticket_project_covering,
 * and then walks every open ticket of every customer testing the rights on each (139 ms p50 at 100k
 * tickets; bench/ticket-view.bench.ts). A contact's rights are what narrow the list: they must
 * drive it, and the status is tested on the tickets they yield. (`|| ''` keeps the value and
 * works on PostgreSQL as well.)
 */
const statusNotIndexed = sql<TicketStatusValue>`${sql.ref('ticket.status')} || ''`;

/** The contact's tickets matching the filters: what the list pages through and counts. */
function contactTickets(db: Executor, scope: TicketScope, q: ContactTicketQuery) {
  // Filtered to one project, only the rights on that project can cover a ticket: the others are
  // left out of the condition (the same answer; SQLite then tests one or two terms per row, not twenty).
  const rights = q.projectId === undefined ? scope.rights : scope.rights.filter((r) => r.projectId === q.projectId);
  let base = db.selectFrom('ticket').where(ticketVisibleTo({ ...scope, rights }));
  if (q.quickLink !== 'all') base = base.where(statusNotIndexed, 'in', QUICK_LINK_STATUSES[q.quickLink]);
  if (q.projectId !== undefined) base = base.where('ticket.project_id', '=', q.projectId);
  if (q.taskId !== undefined) base = base.where('ticket.task_id', '=', q.taskId);
  if (q.priority !== undefined) base = base.where('ticket.priority', '=', q.priority);
  if (q.status !== undefined) base = base.where(statusNotIndexed, '=', q.status);
  if (q.search !== '') {
    const digits = /^\s*(?:T-?)?(\d{1,15})\s*$/i.exec(q.search)?.[1];
    const search = q.search;
    base = base.where((eb) => eb.or([containsKey(db, 'ticket.title_key', search), ...(digits ? [eb('ticket.number', '=', Number(digits))] : [])]));
  }
  return base;
}

/** How many tickets the contact sees that match the filters (the list's total). */
export async function countContactTickets(db: Executor, scope: TicketScope, q: ContactTicketQuery): Promise<number> {
  const count = memoCompiled(db, 'count', scope, q, () => contactTickets(db, scope, q).select((eb) => eb.fn.countAll<number>().as('n')).compile());
  const [row] = (await db.executeQuery(count)).rows;
  return Number(row?.n ?? 0);
}

/** How many compiled list queries are kept (least recently used out first): a few screens' worth of filters and pages. */
const COMPILED_LIST_QUERIES = 200;

/** Per dialect (a Kysely instance and its transactions share its adapter): the same inputs compile to the same SQL only within one. */
const compiledLists = new WeakMap<object, Map<string, CompiledQuery>>();

/**
 * The page and count queries for a contact, compiled once per (scope, filters, page): the view
 * asks for the same list again and again (refetches, the portal's reloads), and building THE
 * condition for twenty rights costs Kysely more than SQLite needs to run it. The key holds
 * everything ticketVisibleTo and contactTickets read (the live rights with their tasks, the
 * organisation, the internal-projects setting) and every field of the query, so equal keys
 * compile to equal queries: nothing is decided from a cache that the inputs do not name.
 */
function memoCompiled<R>(db: Executor, kind: 'page' | 'count', scope: TicketScope, q: ContactTicketQuery, compile: () => CompiledQuery<R>): CompiledQuery<R> {
  const adapter = db.getExecutor().adapter;
  let cache = compiledLists.get(adapter);
  if (!cache) compiledLists.set(adapter, (cache = new Map()));
  const { quickLink, projectId, taskId, priority, status, search, sort, direction, offset, limit } = q;
  const key = JSON.stringify([kind, scope.organisationId, scope.internalProjectsAllowed, liveRights(scope), [quickLink, projectId, taskId, priority, status, search, sort, direction, offset, limit]]);
  const hit = cache.get(key) as CompiledQuery<R> | undefined;
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compile();
  cache.set(key, compiled);
  if (cache.size > COMPILED_LIST_QUERIES) cache.delete(cache.keys().next().value as string);
  return compiled;
}

const SORT_COLUMNS = {
  updated: 'ticket.updated_at',
  number: 'ticket.number',
  title: 'ticket.title_key',
  priority: sql`CASE ticket.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END`,
  status: 'ticket.status',
} as const;

/** The page's rows with their names; a page holds at most 500 ids, so at most 500 compiled shapes. */
const pageRows = compiledForIds((db, ids) =>
  db
    .selectFrom('ticket')
    .innerJoin('project', 'project.id', 'ticket.project_id')
    .innerJoin('task', 'task.id', 'ticket.task_id')
    .leftJoin('staff', 'staff.id', 'ticket.assignee_staff_id')
    .select([
      'ticket.id',
      'ticket.number',
      'ticket.title',
      'ticket.status',
      'ticket.priority',
      'ticket.project_id',
      'project.name as project_name',
      'ticket.task_id',
      'task.name as task_name',
      'staff.name as assignee_name',
      'ticket.created_at',
      'ticket.updated_at',
    ])
    .where('ticket.id', 'in', ids),
);

/**
 * The contact's tickets matching the filters, one page of them and the total, filtered, sorted
 * and paged in SQL. The page's ids come first, from ticket_project_covering alone (migration
 * 0021: every column filtered and sorted on is in it); only the page's rows are read and joined.
 */
export async function listContactTickets(db: Executor, scope: TicketScope, q: ContactTicketQuery): Promise<{ rows: ContactTicketView[]; total: number }> {
  const withTotal = dialectOf(db).countsWithPage;
  const pageQuery = memoCompiled(db, 'page', scope, q, () =>
    contactTickets(db, scope, q)
      .select('ticket.id')
      .$if(withTotal, (page) => page.select(sql<number | string>`count(*) OVER ()`.as('total')))
      .orderBy(SORT_COLUMNS[q.sort], q.direction)
      // The number breaks ties, so paging never shows a ticket twice.
      .orderBy('ticket.number', q.direction)
      .limit(q.limit)
      .offset(q.offset)
      .compile(),
  );
  const page = (await db.executeQuery(pageQuery)).rows as { id: number; total?: number | string }[];
  // A page that is not full ends the list: its total needs no count. Nor does a page that carries it.
  const carried = page[0]?.total;
  const total =
    page.length < q.limit && (page.length > 0 || q.offset === 0) ? q.offset + page.length : carried !== undefined ? Number(carried) : await countContactTickets(db, scope, q);
  if (page.length === 0) return { rows: [], total };
  const { rows: found } = await pageRows(db, page.map((r) => r.id));
  const byId = new Map(found.map((view) => [view.id, view]));
  return { rows: page.flatMap((r) => byId.get(r.id) ?? []), total };
}

/**
 * The ids of the contact's tickets matching the view-as list's filters, in the list's order,
 * less exceptIds, at most `limit`: a bulk action's "everything the filter shows" in the view-as
 * list, by the same query the list pages through.
 */
export async function contactTicketIds(db: Executor, scope: TicketScope, q: Omit<ContactTicketQuery, 'offset' | 'limit'>, except: readonly number[], limit: number): Promise<number[]> {
  let filtered = contactTickets(db, scope, { ...q, offset: 0, limit });
  if (except.length > 0) filtered = filtered.where(sql<SqlBool>`${sql.ref('ticket.id')} NOT IN (${sqlFor(db).integers(except)})`);
  const rows = await filtered.select('ticket.id').orderBy(SORT_COLUMNS[q.sort], q.direction).orderBy('ticket.number', q.direction).limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The numbers of every ticket the contact sees, in order (tests and the CLI's comparisons). */
export async function visibleTicketNumbers(db: Executor, scope: TicketScope): Promise<number[]> {
  const rows = await db.selectFrom('ticket').select('ticket.number').where(ticketVisibleTo(scope)).orderBy('ticket.number').execute();
  return rows.map((r) => r.number);
}
