import type { Insertable, Updateable } from 'kysely';
import type { TimeEntry } from '../../../shared/api/tickets';
import type { Executor } from '../db/connection';
import type { TimeEntryTable } from '../db/schema';

interface TimeEntryView {
  id: number;
  ticket_id: number;
  project_id: number;
  project_name: string;
  task_id: number | null;
  staff_id: number;
  staff_name: string;
  work_date: string;
  minutes: number;
  note: string;
  billable: number;
  locked_at: string | null;
  created_at: string;
  updated_at: string;
}

const viewToEntry = (v: TimeEntryView): TimeEntry => ({
  id: v.id,
  ticketId: v.ticket_id,
  projectId: v.project_id,
  projectName: v.project_name,
  taskId: v.task_id,
  staffId: v.staff_id,
  staffName: v.staff_name,
  workDate: v.work_date,
  minutes: v.minutes,
  note: v.note,
  billable: v.billable === 1,
  locked: v.locked_at !== null,
  createdAt: v.created_at,
  updatedAt: v.updated_at,
});

function selectViews(db: Executor) {
  return db
    .selectFrom('time_entry as e')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.id', 'e.ticket_id', 'e.project_id', 'p.name as project_name', 'e.task_id', 'e.staff_id', 's.name as staff_name', 'e.work_date', 'e.minutes', 'e.note', 'e.billable', 'e.locked_at', 'e.created_at', 'e.updated_at']);
}

/** The ticket's time entries by date (time_entry_ticket serves it). */
export async function timeEntriesOfTicket(db: Executor, ticketId: number): Promise<TimeEntry[]> {
  const rows = await selectViews(db).where('e.ticket_id', '=', ticketId).orderBy('e.work_date').orderBy('e.id').execute();
  return rows.map(viewToEntry);
}

export async function findTimeEntry(db: Executor, id: number): Promise<TimeEntry | undefined> {
  const row = await selectViews(db).where('e.id', '=', id).executeTakeFirst();
  return row ? viewToEntry(row) : undefined;
}

export async function insertTimeEntry(db: Executor, row: Insertable<TimeEntryTable>): Promise<number> {
  const { id } = await db.insertInto('time_entry').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateTimeEntryRow(db: Executor, id: number, changes: Updateable<TimeEntryTable>): Promise<void> {
  await db.updateTable('time_entry').set(changes).where('id', '=', id).execute();
}

export async function deleteTimeEntryRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('time_entry').where('id', '=', id).execute();
}

/** The entries among IDS that exist, with whether each is locked already. */
export async function timeEntryLocks(db: Executor, ids: readonly number[]) {
  return db.selectFrom('time_entry').select(['id', 'ticket_id', 'locked_at']).where('id', 'in', ids).execute();
}

export async function lockTimeEntryRows(db: Executor, ids: readonly number[], now: string): Promise<void> {
  await db.updateTable('time_entry').set({ locked_at: now, updated_at: now }).where('id', 'in', ids).where('locked_at', 'is', null).execute();
}

/** How many of the ticket's entries lie on this project and task (null: booked without a task). */
export async function countEntriesOn(db: Executor, ticketId: number, projectId: number, taskId: number | null): Promise<number> {
  let query = db.selectFrom('time_entry').select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', ticketId).where('project_id', '=', projectId);
  query = taskId === null ? query.where('task_id', 'is', null) : query.where('task_id', '=', taskId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How many of the ticket's entries lie on a project outside PROJECTIDS. */
export async function countEntriesOutside(db: Executor, ticketId: number, projectIds: readonly number[]): Promise<number> {
  let query = db.selectFrom('time_entry').select((eb) => eb.fn.countAll<number>().as('n')).where('ticket_id', '=', ticketId);
  if (projectIds.length > 0) query = query.where('project_id', 'not in', projectIds);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Ids of the ticket's time entries (index time_entry_ticket). */
export async function timeEntryIdsOf(db: Executor, ticketId: number): Promise<number[]> {
  const rows = await db.selectFrom('time_entry').select('id').where('ticket_id', '=', ticketId).execute();
  return rows.map((r) => r.id);
}
