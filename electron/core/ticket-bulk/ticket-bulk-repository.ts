import type { Executor } from '../db/connection';
import type { TicketPriorityValue, TicketStatusValue } from '../db/schema';
import { sqlFor } from '../db/dialect/of-database';


/** What a bulk update reads of one ticket: the fields it may change, as they are now. */
export interface BulkTicketState {
  id: number;
  number: number;
  title: string;
  /** The primary project: it decides who may be the ticket's contact. */
  projectId: number;
  status: TicketStatusValue;
  priority: TicketPriorityValue;
  assigneeId: number | null;
  contactPersonId: number | null;
  /** Ascending. */
  categoryIds: number[];
  /** The secondary assignments, oldest first. */
  assignments: { projectId: number; taskId: number | null }[];
}

/**
 * The chunk's tickets that exist, with their categories and secondary assignments: three
 * statements for the whole chunk (ids as one JSON parameter), served by the primary key,
 * ticket_category_link's key and ticket_assignment_unique.
 */
export async function readBulkTicketStates(db: Executor, ids: readonly number[]): Promise<Map<number, BulkTicketState>> {
  if (ids.length === 0) return new Map();
  const tickets = await db
    .selectFrom('ticket as t')
    .select(['t.id', 't.number', 't.title', 't.project_id', 't.status', 't.priority', 't.assignee_staff_id', 't.contact_person_id'])
    .where(sqlFor(db).idsIn('t.id', ids))
    .execute();
  const links = await db.selectFrom('ticket_category_link as l').select(['l.ticket_id', 'l.category_id']).where(sqlFor(db).idsIn('l.ticket_id', ids)).orderBy('l.category_id').execute();
  const assignments = await db
    .selectFrom('ticket_assignment as a')
    .select(['a.ticket_id', 'a.project_id', 'a.task_id'])
    .where(sqlFor(db).idsIn('a.ticket_id', ids))
    .orderBy('a.id')
    .execute();
  const states = new Map<number, BulkTicketState>(
    tickets.map((t) => [
      t.id,
      {
        id: t.id,
        number: t.number,
        title: t.title,
        projectId: t.project_id,
        status: t.status,
        priority: t.priority,
        assigneeId: t.assignee_staff_id,
        contactPersonId: t.contact_person_id,
        categoryIds: [],
        assignments: [],
      },
    ]),
  );
  for (const l of links) states.get(l.ticket_id)?.categoryIds.push(l.category_id);
  for (const a of assignments) states.get(a.ticket_id)?.assignments.push({ projectId: a.project_id, taskId: a.task_id });
  return states;
}
