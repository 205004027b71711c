import type { ParsedInputOf } from '../../../shared/api';
import type { TicketDetail, TicketRow } from '../../../shared/api/tickets';
import { AppError, fieldError } from '../../../shared/errors';
import { searchKey } from '../../../shared/text-key';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import type { TicketTable } from '../db/schema';
import { requireProject } from '../projects/project-service';
import { requireTaskOfProject } from '../projects/task-service';
import { queueStatusMails } from '../ticket-notifications/status-notifications';
import { existingCategoryIds } from './category-repository';
import { checkTicketContact } from './ticket-contact-service';
import { ticketAssignmentRows, ticketComments, findSameAssignment, insertAssignment } from './ticket-part-repository';
import {
  findTicketExtras,
  findTicketRow,
  insertTicket,
  nextTicketNumber,
  personExists,
  setTicketCategories,
  staffExists,
  ticketCategoryRows,
  updateTicketRow,
} from './ticket-repository';
import { countEntriesOutside, timeEntriesOfTicket } from './time-entry-repository';

type CreateFields = ParsedInputOf<'tickets:create'>;
type UpdateFields = ParsedInputOf<'tickets:update'>;

export const ticketNotFound = (id: number, field = 'id') =>
  new AppError('NOT_FOUND', `Ticket ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });

/** The ticket's list row, or NOT_FOUND naming FIELD. */
export async function requireTicketRow(db: Executor, id: number, field = 'id'): Promise<TicketRow> {
  const row = await findTicketRow(db, id);
  if (!row) throw ticketNotFound(id, field);
  return row;
}

/** How an entry in the audit log names a ticket: its number and title. */
export const ticketLabel = (t: { number: number; title: string }) => `${formatTicketNumber(t.number)} ${t.title}`;

/** What the audit log keeps of a ticket: the fields staff edit. */
export async function ticketAuditView(db: Executor, row: TicketRow) {
  const extras = await findTicketExtras(db, row.id);
  const categories = await ticketCategoryRows(db, row.id);
  return {
    number: row.number,
    title: row.title,
    description: extras?.description ?? '',
    status: row.status,
    priority: row.priority,
    projectId: row.projectId,
    taskId: row.taskId,
    assigneeId: row.assigneeId,
    contactPersonId: row.contactPersonId,
    categoryIds: categories.map((c) => c.id).sort((a, b) => a - b),
  };
}

export async function getTicket(deps: CoreDeps, id: number): Promise<TicketDetail> {
  return readTicket(deps.db, id);
}

/** The ticket with everything its staff page shows: comments (internal too), assignments, categories, time. */
export async function readTicket(db: Executor, id: number): Promise<TicketDetail> {
  const row = await requireTicketRow(db, id);
  const [extras, categories, assignments, comments, timeEntries] = await Promise.all([
    findTicketExtras(db, id),
    ticketCategoryRows(db, id),
    ticketAssignmentRows(db, id),
    ticketComments(db, id),
    timeEntriesOfTicket(db, id),
  ]);
  return {
    ...row,
    description: extras?.description ?? '',
    createdByStaffId: extras?.created_by_staff_id ?? null,
    createdByStaffName: extras?.created_by_staff_name ?? null,
    createdByAccountId: extras?.created_by_account_id ?? null,
    categories: categories.map((c) => ({ id: c.id, nameEn: c.name_en, nameNl: c.name_nl, nameDe: c.name_de })),
    assignments: assignments.map((a) => ({
      id: a.id,
      projectId: a.project_id,
      projectName: a.project_name,
      taskId: a.task_id,
      taskName: a.task_name,
      origin: a.origin,
      createdAt: a.created_at,
    })),
    comments,
    timeEntries,
    totalMinutes: timeEntries.reduce((sum, e) => sum + e.minutes, 0),
  };
}

/** Assignee, contact and categories must exist; each refusal names its field. */
export async function checkReferences(db: Executor, fields: { assigneeId?: number | null | undefined; contactPersonId?: number | null | undefined; categoryIds?: readonly number[] | undefined }): Promise<void> {
  if (fields.assigneeId != null && !(await staffExists(db, fields.assigneeId))) {
    throw new AppError('NOT_FOUND', `Staff member ${fields.assigneeId} does not exist.`, { fields: { assigneeId: { code: 'not_found' } } });
  }
  if (fields.contactPersonId != null && !(await personExists(db, fields.contactPersonId))) {
    throw new AppError('NOT_FOUND', `Person ${fields.contactPersonId} does not exist.`, { fields: { contactPersonId: { code: 'not_found' } } });
  }
  if (fields.categoryIds && fields.categoryIds.length > 0) {
    const existing = await existingCategoryIds(db, fields.categoryIds);
    const missing = fields.categoryIds.find((id) => !existing.has(id));
    if (missing !== undefined) throw new AppError('NOT_FOUND', `Ticket category ${missing} does not exist.`, { fields: { categoryIds: { code: 'not_found' } } });
  }
}

/** Archived projects and tasks take no new tickets (nor tickets moved onto them); the tickets they have stay. */
function refuseArchived(project: { name: string; archived: boolean } | null, task: { name: string; archived: boolean }): void {
  if (project?.archived) throw fieldError('projectId', 'project_archived', `Project ${project.name} is archived.`);
  if (task.archived) throw fieldError('taskId', 'task_archived', `Task ${task.name} is archived.`);
}

/** Checks and adds a secondary assignment (project + optional task); FIELD prefixes the field errors. */
export async function addSecondaryAssignment(db: Executor, ticketId: number, a: { projectId: number; taskId: number | null }, now: string, field = ''): Promise<number> {
  await requireProject(db, a.projectId, `${field}projectId`);
  if (a.taskId !== null) await requireTaskOfProject(db, a.taskId, a.projectId, `${field}taskId`);
  if (await findSameAssignment(db, ticketId, a.projectId, a.taskId)) {
    throw new AppError('CONFLICT', 'The ticket is already assigned to this project and task.', { fields: { [`${field}projectId`]: { code: 'taken' } } });
  }
  return insertAssignment(db, { ticket_id: ticketId, project_id: a.projectId, task_id: a.taskId, origin: 'manual', created_at: now });
}

export async function createTicket(deps: CoreDeps, actor: Actor, fields: CreateFields): Promise<TicketDetail> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    const project = await requireProject(trx, fields.projectId, 'projectId');
    const task = await requireTaskOfProject(trx, fields.taskId, fields.projectId);
    // Archived projects and tasks take no new tickets; the tickets they have stay.
    refuseArchived(project, task);
    const categoryIds = [...new Set(fields.categoryIds)];
    await checkReferences(trx, { ...fields, categoryIds });
    await checkTicketContact(trx, project, fields.contactPersonId);
    const number = await nextTicketNumber(trx);
    const id = await insertTicket(trx, {
      number,
      title: fields.title,
      title_key: searchKey(fields.title),
      description: fields.description,
      status: fields.status,
      priority: fields.priority,
      project_id: fields.projectId,
      task_id: fields.taskId,
      assignee_staff_id: fields.assigneeId,
      contact_person_id: fields.contactPersonId,
      created_by_staff_id: actor.id,
      created_by_account_id: null,
      created_at: now,
      updated_at: now,
    });
    await setTicketCategories(trx, id, categoryIds);
    for (const [i, a] of fields.assignments.entries()) await addSecondaryAssignment(trx, id, a, now, `assignments.${i}.`);
    const row = await requireTicketRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'ticket', entityId: id, action: 'created', label: ticketLabel(row), after: await ticketAuditView(trx, row) });
    return id;
  });
  return getTicket(deps, id);
}

/** Changes only the fields given; audited with the fields that differ, before and after. */
export async function updateTicket(deps: CoreDeps, actor: Actor, input: UpdateFields): Promise<TicketDetail> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireTicketRow(trx, input.id);
    const beforeView = await ticketAuditView(trx, before);
    const projectId = input.projectId ?? before.projectId;
    const taskId = input.taskId ?? before.taskId;
    if (projectId !== before.projectId || taskId !== before.taskId) {
      const project = await requireProject(trx, projectId, 'projectId');
      refuseArchived(projectId !== before.projectId ? project : null, await requireTaskOfProject(trx, taskId, projectId));
    }
    if (projectId !== before.projectId) {
      // Every entry must still lie on the primary project or a secondary assignment of its ticket.
      const onAssignments = (await ticketAssignmentRows(trx, input.id)).map((a) => a.project_id);
      if ((await countEntriesOutside(trx, input.id, [projectId, ...onAssignments])) > 0) {
        throw new AppError('IN_USE', 'Time is booked on the current primary project: move the ticket with the bulk action, which rebooks the time or keeps the project as a secondary assignment.', {
          fields: { projectId: { code: 'invalid_value' } },
        });
      }
    }
    const categoryIds = input.categoryIds === undefined ? undefined : [...new Set(input.categoryIds)];
    await checkReferences(trx, { assigneeId: input.assigneeId, contactPersonId: input.contactPersonId, categoryIds });
    // The contact must suit the project the ticket ends on; a ticket left as it was (a contact kept
    // from before the rule held) is not refused for an edit of its other fields.
    const contactPersonId = input.contactPersonId === undefined ? before.contactPersonId : input.contactPersonId;
    if (projectId !== before.projectId || contactPersonId !== before.contactPersonId) {
      await checkTicketContact(trx, await requireProject(trx, projectId, 'projectId'), contactPersonId);
    }
    const changes: Parameters<typeof updateTicketRow>[2] = { project_id: projectId, task_id: taskId };
    if (input.title !== undefined) Object.assign(changes, { title: input.title, title_key: searchKey(input.title) } satisfies Partial<TicketTable>);
    if (input.description !== undefined) changes.description = input.description;
    if (input.status !== undefined) changes.status = input.status;
    if (input.priority !== undefined) changes.priority = input.priority;
    if (input.assigneeId !== undefined) changes.assignee_staff_id = input.assigneeId;
    if (input.contactPersonId !== undefined) changes.contact_person_id = input.contactPersonId;
    await updateTicketRow(trx, input.id, changes);
    if (categoryIds !== undefined) await setTicketCategories(trx, input.id, categoryIds);
    const after = await requireTicketRow(trx, input.id);
    const diff = changedFields(beforeView, await ticketAuditView(trx, after));
    // Saving the ticket as it was changes nothing, not even its place in the "updated" order.
    if (Object.keys(diff.after).length > 0) {
      await updateTicketRow(trx, input.id, { updated_at: now });
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'ticket', entityId: input.id, action: 'updated', label: ticketLabel(after), ...diff });
    }
    await queueStatusMails(trx, deps.accountMails, [{ ticketId: input.id, number: after.number, title: after.title, from: before.status, to: after.status }], deps.clock());
  });
  return getTicket(deps, input.id);
}
