import type { ParsedInputOf } from '../../../shared/api';
import { BULK_CHUNK_SIZE, MAX_BULK_TICKETS, type TicketBulkReport, type TicketBulkRow } from '../../../shared/api/ticket-bulk';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAuditMany } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { requireProject } from '../projects/project-service';
import { requireTaskOfProject } from '../projects/task-service';
import { queueStatusMails } from '../ticket-notifications/status-notifications';
import { existingCategoryIds } from '../tickets/category-repository';
import { insertAssignment } from '../tickets/ticket-part-repository';
import { setTicketCategories, updateTicketRow } from '../tickets/ticket-repository';
import { checkReferences, ticketLabel } from '../tickets/ticket-service';
import { resolveTicketTarget } from '../tickets/ticket-target';
import { notFoundRow, planBulkUpdate, type BulkChanges, type BulkTicketPlan } from './ticket-bulk-plan';
import { readBulkTicketStates } from './ticket-bulk-repository';

type BulkInput = ParsedInputOf<'tickets:bulk-update'>;

/**
 * The tickets core's rules for what the changes name, checked in each chunk's transaction (so a
 * staff user or project deleted meanwhile is refused, not written): the assignee and contact
 * person exist, the categories to add exist, the secondary project exists and the task is one of its own.
 */
async function checkChanges(db: Executor, changes: BulkChanges): Promise<void> {
  try {
    await checkReferences(db, { assigneeId: changes.assigneeId, contactPersonId: changes.contactPersonId });
  } catch (error) {
    // The tickets core names the ticket's fields; here they sit under changes.
    if (!(error instanceof AppError) || !error.fields) throw error;
    const fields = Object.fromEntries(Object.entries(error.fields).map(([field, e]) => [`changes.${field}`, e]));
    throw new AppError(error.code, error.message, { fields, ...(error.params ? { params: error.params } : {}) });
  }
  if (changes.addCategoryIds.length > 0) {
    const existing = await existingCategoryIds(db, changes.addCategoryIds);
    const missing = changes.addCategoryIds.find((id) => !existing.has(id));
    if (missing !== undefined) throw new AppError('NOT_FOUND', `Ticket category ${missing} does not exist.`, { fields: { 'changes.addCategoryIds': { code: 'not_found' } } });
  }
  const a = changes.addAssignment;
  if (a) {
    await requireProject(db, a.projectId, 'changes.addAssignment.projectId');
    if (a.taskId !== null) await requireTaskOfProject(db, a.taskId, a.projectId, 'changes.addAssignment.taskId');
  }
}

/** Plans one chunk: a row per id, in the order given; ids that name no ticket are refused. */
async function planChunk(db: Executor, ids: readonly number[], changes: BulkChanges): Promise<{ rows: TicketBulkRow[]; plans: BulkTicketPlan[] }> {
  await checkChanges(db, changes);
  const states = await readBulkTicketStates(db, ids);
  const rows: TicketBulkRow[] = [];
  const plans: BulkTicketPlan[] = [];
  for (const id of ids) {
    const state = states.get(id);
    if (!state) {
      rows.push(notFoundRow(id));
      continue;
    }
    const plan = planBulkUpdate(state, changes);
    rows.push(plan.row);
    if (plan.row.outcome === 'changed') plans.push(plan);
  }
  return { rows, plans };
}

/** Writes the changed tickets of a chunk and one audit entry for each, with the fields that differ before and after; queues the status-change mails. */
async function writeChunk(trx: Executor, deps: CoreDeps, actor: Actor, plans: readonly BulkTicketPlan[], now: string): Promise<void> {
  for (const { row, after, addAssignment } of plans) {
    await updateTicketRow(trx, row.ticketId, {
      status: after.status,
      priority: after.priority,
      assignee_staff_id: after.assigneeId,
      contact_person_id: after.contactPersonId,
      updated_at: now,
    });
    if (row.fields.includes('categoryIds')) await setTicketCategories(trx, row.ticketId, after.categoryIds);
    if (addAssignment) await insertAssignment(trx, { ticket_id: row.ticketId, project_id: addAssignment.projectId, task_id: addAssignment.taskId, origin: 'manual', created_at: now });
  }
  await recordAuditMany(
    trx,
    plans.map(({ row, before, after }) => ({
      at: now,
      staffId: actor.id,
      entity: 'ticket' as const,
      entityId: row.ticketId,
      action: 'updated' as const,
      label: ticketLabel({ number: row.number ?? 0, title: row.title ?? '' }),
      ...changedFields(before, after),
    })),
  );
  const statusChanges = plans.map(({ row, before, after }) => ({ ticketId: row.ticketId, number: row.number ?? 0, title: row.title ?? '', from: before.status, to: after.status }));
  await queueStatusMails(trx, deps.accountMails, statusChanges, new Date(now));
}

/**
 * tickets:bulk-update: resolves the target (ids, or the staff list's filter in one query), then
 * per chunk of 500 one transaction that reads the tickets as they are, plans and writes them
 * (a preview plans the same chunks and writes nothing). Parallel calls on the same tickets
 * serialise per chunk (transactions begin IMMEDIATE), so each audit entry's "before" is the
 * state the previous entry left.
 */
export async function bulkUpdateTickets(deps: CoreDeps, actor: Actor, input: BulkInput): Promise<TicketBulkReport> {
  const ids = await resolveTicketTarget(deps.db, input, MAX_BULK_TICKETS);
  const changes: BulkChanges = input.changes;
  const rows: TicketBulkRow[] = [];
  if (ids.length === 0) await checkChanges(deps.db, changes);
  for (let start = 0; start < ids.length; start += BULK_CHUNK_SIZE) {
    const chunk = ids.slice(start, start + BULK_CHUNK_SIZE);
    if (input.preview) {
      rows.push(...(await planChunk(deps.db, chunk, changes)).rows);
      continue;
    }
    const now = isoNow(deps.clock);
    rows.push(
      ...(await deps.db.transaction().execute(async (trx) => {
        const planned = await planChunk(trx, chunk, changes);
        await writeChunk(trx, deps, actor, planned.plans, now);
        return planned.rows;
      })),
    );
  }
  const count = (outcome: TicketBulkRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  return { done: !input.preview, rows, totals: { tickets: rows.length, changed: count('changed'), unchanged: count('unchanged'), refused: count('refused') } };
}
