import type { RightHolder, TicketRight } from '../../../shared/api/ticket-rights';
import type { Executor } from '../db/connection';

const rightColumns = [
  'ticket_right.id',
  'ticket_right.person_id',
  'ticket_right.account_id',
  'ticket_right.account_organisation_id',
  'ticket_right.project_id',
  'project.name as project_name',
  'ticket_right.scope',
  'ticket_right.task_id',
  'task.name as task_name',
  'ticket_right.read_only',
  'ticket_right.created_at',
  'ticket_right.revoked_at',
] as const;

function rightsQuery(db: Executor) {
  return db
    .selectFrom('ticket_right')
    .innerJoin('project', 'project.id', 'ticket_right.project_id')
    .leftJoin('task', 'task.id', 'ticket_right.task_id')
    .select(rightColumns);
}

async function withTaskIds(db: Executor, rows: Awaited<ReturnType<ReturnType<typeof rightsQuery>['execute']>>): Promise<TicketRight[]> {
  const existing = rows.filter((r) => r.scope === 'existing_tasks').map((r) => r.id);
  const tasks = existing.length === 0 ? [] : await db.selectFrom('ticket_right_task').select(['right_id', 'task_id']).where('right_id', 'in', existing).orderBy('task_id').execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    accountId: r.account_id,
    organisationId: r.account_organisation_id,
    projectId: r.project_id,
    projectName: r.project_name,
    scope: r.scope,
    taskId: r.task_id,
    taskName: r.task_name,
    taskIds: tasks.filter((t) => t.right_id === r.id).map((t) => t.task_id),
    readOnly: r.read_only === 1,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** A holder's rights, newest first; revoked ones too unless left out. */
export async function listRights(db: Executor, holder: RightHolder, includeRevoked: boolean): Promise<TicketRight[]> {
  let query = rightsQuery(db);
  query = 'personId' in holder
    ? query.where('ticket_right.person_id', '=', holder.personId)
    : query.where('ticket_right.account_id', '=', holder.accountId).where('ticket_right.account_organisation_id', '=', holder.organisationId);
  if (!includeRevoked) query = query.where('ticket_right.revoked_at', 'is', null);
  return withTaskIds(db, await query.orderBy('ticket_right.id', 'desc').execute());
}

export async function findRight(db: Executor, id: number): Promise<TicketRight | undefined> {
  return (await withTaskIds(db, await rightsQuery(db).where('ticket_right.id', '=', id).execute()))[0];
}

/** A project as a grant checks it: whose it is and whether it is internal (no organisation, or one flagged internal). */
export async function findProjectOwner(db: Executor, projectId: number): Promise<{ organisationId: number | null; internal: boolean } | undefined> {
  const row = await db
    .selectFrom('project')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .select(['project.organisation_id', 'organisation.internal'])
    .where('project.id', '=', projectId)
    .executeTakeFirst();
  return row && { organisationId: row.organisation_id, internal: row.organisation_id === null || row.internal === 1 };
}

export async function findTask(db: Executor, taskId: number): Promise<{ projectId: number; archived: boolean } | undefined> {
  const row = await db.selectFrom('task').select(['project_id', 'archived_at']).where('id', '=', taskId).executeTakeFirst();
  return row && { projectId: row.project_id, archived: row.archived_at !== null };
}

/** The project's tasks that are not archived: what an existing_tasks right stores. */
export async function currentTaskIds(db: Executor, projectId: number): Promise<number[]> {
  const rows = await db.selectFrom('task').select('id').where('project_id', '=', projectId).where('archived_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function findPersonOrganisation(db: Executor, personId: number): Promise<number | undefined> {
  return (await db.selectFrom('person').select('organisation_id').where('id', '=', personId).executeTakeFirst())?.organisation_id;
}

/** The account's link to the organisation, with the person it names (null: the whole organisation); undefined when there is none. */
export async function findAccountLink(db: Executor, accountId: number, organisationId: number): Promise<{ personId: number | null } | undefined> {
  const row = await db
    .selectFrom('portal_account_link')
    .select('person_id')
    .where('account_id', '=', accountId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row && { personId: row.person_id };
}

export interface NewRight {
  holder: RightHolder;
  projectId: number;
  scope: TicketRight['scope'];
  taskId: number | null;
  readOnly: boolean;
  taskIds: readonly number[];
  createdAt: string;
}

export async function insertRight(db: Executor, right: NewRight): Promise<number> {
  const { id } = await db
    .insertInto('ticket_right')
    .values({
      person_id: 'personId' in right.holder ? right.holder.personId : null,
      account_id: 'accountId' in right.holder ? right.holder.accountId : null,
      account_organisation_id: 'accountId' in right.holder ? right.holder.organisationId : null,
      project_id: right.projectId,
      scope: right.scope,
      task_id: right.taskId,
      read_only: right.readOnly ? 1 : 0,
      created_at: right.createdAt,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (right.taskIds.length > 0) await db.insertInto('ticket_right_task').values(right.taskIds.map((task_id) => ({ right_id: id, task_id }))).execute();
  return id;
}

export async function markRightRevoked(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('ticket_right').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
