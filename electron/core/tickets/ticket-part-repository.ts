import type { Insertable } from 'kysely';
import type { TicketComment } from '../../../shared/api/tickets';
import type { Executor } from '../db/connection';
import type { TicketAssignmentTable, TicketCommentTable } from '../db/schema';

/** The ticket's secondary assignments, with project and task names, oldest first. */
export async function ticketAssignmentRows(db: Executor, ticketId: number) {
  return db
    .selectFrom('ticket_assignment as a')
    .innerJoin('project as p', 'p.id', 'a.project_id')
    .leftJoin('task as k', 'k.id', 'a.task_id')
    .select(['a.id', 'a.project_id', 'p.name as project_name', 'a.task_id', 'k.name as task_name', 'a.origin', 'a.created_at'])
    .where('a.ticket_id', '=', ticketId)
    .orderBy('a.id')
    .execute();
}

export async function findAssignment(db: Executor, ticketId: number, assignmentId: number) {
  return db.selectFrom('ticket_assignment').selectAll().where('id', '=', assignmentId).where('ticket_id', '=', ticketId).executeTakeFirst();
}

/** The assignment of the ticket to this project and task (null: the project as a whole), if there is one. */
export async function findSameAssignment(db: Executor, ticketId: number, projectId: number, taskId: number | null) {
  let query = db.selectFrom('ticket_assignment').select('id').where('ticket_id', '=', ticketId).where('project_id', '=', projectId);
  query = taskId === null ? query.where('task_id', 'is', null) : query.where('task_id', '=', taskId);
  return query.executeTakeFirst();
}

/** The first secondary assignment of the ticket on this project (time booked there lies on it). */
export async function firstAssignmentOnProject(db: Executor, ticketId: number, projectId: number) {
  return db.selectFrom('ticket_assignment').select(['id', 'task_id']).where('ticket_id', '=', ticketId).where('project_id', '=', projectId).orderBy('id').executeTakeFirst();
}

export async function insertAssignment(db: Executor, row: Insertable<TicketAssignmentTable>): Promise<number> {
  const { id } = await db.insertInto('ticket_assignment').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteAssignment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('ticket_assignment').where('id', '=', id).execute();
}

const commentColumns = ['c.id', 'c.body', 'c.internal', 'c.author_staff_id', 's.name as author_staff_name', 'c.author_account_id', 'c.created_at'] as const;

const rowToComment = (r: { id: number; body: string; internal: number; author_staff_id: number | null; author_staff_name: string | null; author_account_id: number | null; created_at: string }): TicketComment => ({
  id: r.id,
  body: r.body,
  internal: r.internal === 1,
  authorStaffId: r.author_staff_id,
  authorStaffName: r.author_staff_name,
  authorAccountId: r.author_account_id,
  createdAt: r.created_at,
});

/** Every comment of the ticket, internal ones included (the staff page), oldest first. */
export async function ticketComments(db: Executor, ticketId: number): Promise<TicketComment[]> {
  const rows = await db
    .selectFrom('ticket_comment as c')
    .leftJoin('staff as s', 's.id', 'c.author_staff_id')
    .select(commentColumns)
    .where('c.ticket_id', '=', ticketId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map(rowToComment);
}

export async function insertComment(db: Executor, row: Insertable<TicketCommentTable>): Promise<TicketComment> {
  const { id } = await db.insertInto('ticket_comment').values(row).returning('id').executeTakeFirstOrThrow();
  const found = await db.selectFrom('ticket_comment as c').leftJoin('staff as s', 's.id', 'c.author_staff_id').select(commentColumns).where('c.id', '=', id).executeTakeFirstOrThrow();
  return rowToComment(found);
}
