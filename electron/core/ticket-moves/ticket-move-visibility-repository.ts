import type { RightHolder } from '../../../shared/api/ticket-rights';
import type { Executor } from '../db/connection';
import type { TicketFacts } from '../ticket-access/ticket-access';
import { sqlFor } from '../db/dialect/of-database';

/*
 * What the move's visibility report reads: the explain facts of the tickets as they are and of
 * the project and task they go to, and who holds live rights on those projects.
 */


/** Each ticket's explain facts as they are now (the ticket_project side of explain), by id. */
export async function ticketFactsByIds(db: Executor, ids: readonly number[]): Promise<Map<number, TicketFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('ticket')
    .innerJoin('project', 'project.id', 'ticket.project_id')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .innerJoin('task', 'task.id', 'ticket.task_id')
    .select(['ticket.id', 'ticket.project_id', 'ticket.task_id', 'project.organisation_id', 'organisation.internal', 'task.created_at'])
    .where(sqlFor(db).idsIn('ticket.id', ids))
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { projectId: r.project_id, taskId: r.task_id, projectOrganisationId: r.organisation_id, projectInternal: r.organisation_id === null || r.internal === 1, taskCreatedAt: r.created_at },
    ]),
  );
}

/** The explain facts of a ticket that lies on this project and task (where the move takes it). */
export async function factsAt(db: Executor, projectId: number, taskId: number): Promise<TicketFacts | undefined> {
  const row = await db
    .selectFrom('task')
    .innerJoin('project', 'project.id', 'task.project_id')
    .leftJoin('organisation', 'organisation.id', 'project.organisation_id')
    .select(['project.organisation_id', 'organisation.internal', 'task.created_at'])
    .where('task.id', '=', taskId)
    .where('project.id', '=', projectId)
    .executeTakeFirst();
  return row && { projectId, taskId, projectOrganisationId: row.organisation_id, projectInternal: row.organisation_id === null || row.internal === 1, taskCreatedAt: row.created_at };
}

/** Every holder of a live right on one of these projects, once each (ticket_right_project finds them). */
export async function liveRightHoldersOn(db: Executor, projectIds: readonly number[]): Promise<RightHolder[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('ticket_right')
    .select(['person_id', 'account_id', 'account_organisation_id'])
    .distinct()
    .where(sqlFor(db).idsIn('project_id', projectIds))
    .where('revoked_at', 'is', null)
    .orderBy('person_id')
    .orderBy('account_id')
    .orderBy('account_organisation_id')
    .execute();
  return rows.flatMap((r): RightHolder[] => {
    if (r.person_id !== null) return [{ personId: r.person_id }];
    if (r.account_id !== null && r.account_organisation_id !== null) return [{ accountId: r.account_id, organisationId: r.account_organisation_id }];
    return [];
  });
}
