import type { ParsedInputOf } from '../../../shared/api';
import type { TicketRow, TimeEntry } from '../../../shared/api/tickets';
import { AppError, fieldError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { requireProject } from '../projects/project-service';
import { requireTask } from '../projects/task-service';
import { firstAssignmentOnProject } from './ticket-part-repository';
import { requireTicketRow } from './ticket-service';
import { deleteTimeEntryRow, findTimeEntry, insertTimeEntry, lockTimeEntryRows, timeEntryLocks, updateTimeEntryRow } from './time-entry-repository';
import { formatTicketNumber } from '../../../shared/ticket-number';

const auditView = (e: TimeEntry) => ({
  ticketId: e.ticketId,
  projectId: e.projectId,
  taskId: e.taskId,
  staffId: e.staffId,
  workDate: e.workDate,
  minutes: e.minutes,
  note: e.note,
  billable: e.billable,
  locked: e.locked,
});

const entryLabel = (ticket: { number: number }, workDate: string) => `${formatTicketNumber(ticket.number)} ${workDate}`;

async function requireEntry(db: Executor, id: number): Promise<TimeEntry> {
  const entry = await findTimeEntry(db, id);
  if (!entry) throw new AppError('NOT_FOUND', `Time entry ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
  return entry;
}

function refuseLocked(entry: TimeEntry): void {
  if (entry.locked) {
    throw new AppError('CONFLICT', `Time entry ${entry.id} is locked (invoiced or its period closed): it can no longer be changed.`, { fields: { id: { code: 'invalid_value' } } });
  }
}

/**
 * Where time booked on the ticket lies: its primary project (and task), unless PROJECTID names
 * the project of one of its secondary assignments. Any other project is refused: every entry
 * lies on an assignment of its ticket.
 */
async function placeOf(db: Executor, ticket: TicketRow, projectId: number | undefined): Promise<{ project_id: number; task_id: number | null }> {
  if (projectId === undefined || projectId === ticket.projectId) return { project_id: ticket.projectId, task_id: ticket.taskId };
  const assignment = await firstAssignmentOnProject(db, ticket.id, projectId);
  if (!assignment) {
    throw new AppError('VALIDATION', `Project ${projectId} is neither the primary project of ${ticket.reference} nor one of its secondary assignments.`, {
      fields: { projectId: { code: 'invalid_value' } },
    });
  }
  return { project_id: projectId, task_id: assignment.task_id };
}

/**
 * Archived projects and tasks take no new time: booking there, or moving an entry there, is
 * refused (on projectId, the field that names the place). Entries already there stay, are
 * listed and reported, and can still be corrected where they lie until they are locked: the
 * lock, not the archive, is what freezes booked time.
 */
async function refuseArchivedPlace(db: Executor, place: { project_id: number; task_id: number | null }): Promise<void> {
  const project = await requireProject(db, place.project_id, 'projectId');
  if (project.archived) throw fieldError('projectId', 'project_archived', `Project ${project.name} is archived: no time can be booked on it.`);
  if (place.task_id === null) return;
  const task = await requireTask(db, place.task_id, 'projectId');
  if (task.archived) throw fieldError('projectId', 'task_archived', `Task ${task.name} is archived: no time can be booked on it.`);
}

export async function bookTime(deps: CoreDeps, actor: Actor, input: ParsedInputOf<'time-entries:book'>): Promise<TimeEntry> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, input.ticketId, 'ticketId');
    const place = await placeOf(trx, ticket, input.projectId);
    await refuseArchivedPlace(trx, place);
    const id = await insertTimeEntry(trx, {
      ticket_id: ticket.id,
      ...place,
      staff_id: actor.id,
      work_date: input.workDate,
      minutes: input.minutes,
      note: input.note,
      billable: input.billable ? 1 : 0,
      locked_at: null,
      created_at: now,
      updated_at: now,
    });
    const entry = await requireEntry(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'time-entry', entityId: id, action: 'created', label: entryLabel(ticket, entry.workDate), after: auditView(entry) });
    return entry;
  });
}

/** Refused for a locked entry; only the fields given change. */
export async function updateTime(deps: CoreDeps, actor: Actor, input: ParsedInputOf<'time-entries:update'>): Promise<TimeEntry> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireEntry(trx, input.id);
    refuseLocked(before);
    const ticket = await requireTicketRow(trx, before.ticketId);
    const changes: Parameters<typeof updateTimeEntryRow>[2] = { updated_at: now };
    if (input.projectId !== undefined) {
      const place = await placeOf(trx, ticket, input.projectId);
      if (place.project_id !== before.projectId || place.task_id !== before.taskId) await refuseArchivedPlace(trx, place);
      Object.assign(changes, place);
    }
    if (input.workDate !== undefined) changes.work_date = input.workDate;
    if (input.minutes !== undefined) changes.minutes = input.minutes;
    if (input.note !== undefined) changes.note = input.note;
    if (input.billable !== undefined) changes.billable = input.billable ? 1 : 0;
    await updateTimeEntryRow(trx, input.id, changes);
    const after = await requireEntry(trx, input.id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'time-entry', entityId: input.id, action: 'updated', label: entryLabel(ticket, after.workDate), ...diff });
    }
    return after;
  });
}

/** Refused for a locked entry. */
export async function deleteTime(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const entry = await requireEntry(trx, id);
    refuseLocked(entry);
    const ticket = await requireTicketRow(trx, entry.ticketId);
    await deleteTimeEntryRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'time-entry', entityId: id, action: 'deleted', label: entryLabel(ticket, entry.workDate), before: auditView(entry) });
  });
  return null;
}

/** Locks the entries (invoiced, period closed), one audit entry each; entries locked already stay as they are. */
export async function lockTime(deps: CoreDeps, actor: Actor, ids: readonly number[]): Promise<{ locked: number }> {
  const now = isoNow(deps.clock);
  const wanted = [...new Set(ids)];
  return deps.db.transaction().execute(async (trx) => {
    const rows = await timeEntryLocks(trx, wanted);
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError('NOT_FOUND', `Time entry ${missing} does not exist.`, { fields: { ids: { code: 'not_found' } } });
    const toLock = rows.filter((r) => r.locked_at === null).map((r) => r.id);
    if (toLock.length === 0) return { locked: 0 };
    await lockTimeEntryRows(trx, toLock, now);
    for (const id of toLock) {
      const entry = await requireEntry(trx, id);
      const ticket = await requireTicketRow(trx, entry.ticketId);
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'time-entry', entityId: id, action: 'locked', label: entryLabel(ticket, entry.workDate), before: { locked: false }, after: { locked: true } });
    }
    return { locked: toLock.length };
  });
}
