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
import { projectsAcceptingContact } from '../tickets/ticket-contact-repository';
import { setTicketCategories, updateTicketRow } from '../tickets/ticket-repository';
import { checkReferences, ticketLabel } from '../tickets/ticket-service';
import { resolveTicketTarget, type TicketTarget as BulkTarget } from '../tickets/ticket-target';
import { notFoundRow, planBulkUpdate, type BulkChanges, type BulkTicketPlan } from './ticket-bulk-plan';
import { readBulkTicketStates, type BulkTicketState } from './ticket-bulk-repository';

type BulkInput = ParsedInputOf<'tickets:bulk-update'>;

/**
 * The tickets core's rules for what the changes name, checked in the update's transaction (so a
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

/**
 * The primary projects of the step on which the new contact may be the contact; null when the
 * changes set no contact (or clear it: no contact fits everywhere).
 *
 * A bulk "change contact" often spans several customers' tickets (a selection, or everything a
 * filter shows). The rule of tickets:update holds here too (ticket-contact-service.ts: one
 * customer's person never shows on another customer's ticket), but per ticket: refusing the
 * whole call for one ticket of another customer would leave staff hunting for it in a list of
 * thousands, while changing it anyway would break the rule. So each such ticket is refused in
 * the dry run and in the run alike, with the reason, and the others change.
 */
async function projectsForNewContact(db: Executor, states: ReadonlyMap<number, BulkTicketState>, changes: BulkChanges): Promise<Set<number> | null> {
  const personId = changes.contactPersonId;
  if (personId === undefined || personId === null) return null;
  return projectsAcceptingContact(db, personId, [...new Set([...states.values()].map((s) => s.projectId))]);
}

/** Plans one step: a row per id, in the order given; ids that name no ticket are refused, and so are tickets the new contact does not suit. */
async function planChunk(db: Executor, ids: readonly number[], changes: BulkChanges): Promise<{ rows: TicketBulkRow[]; plans: BulkTicketPlan[] }> {
  const states = await readBulkTicketStates(db, ids);
  const accepting = await projectsForNewContact(db, states, changes);
  const rows: TicketBulkRow[] = [];
  const plans: BulkTicketPlan[] = [];
  for (const id of ids) {
    const state = states.get(id);
    if (!state) {
      rows.push(notFoundRow(id));
      continue;
    }
    const plan = planBulkUpdate(state, changes, accepting === null || accepting.has(state.projectId));
    rows.push(plan.row);
    if (plan.row.outcome === 'changed') plans.push(plan);
  }
  return { rows, plans };
}

/** Writes the changed tickets of a step and one audit entry for each, with the fields that differ before and after; queues the status-change mails. */
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

/** Called after each step of a bulk update's writes with how many of its tickets are done; a job reports progress, yields, and may stop there. */
export type OnStep = (done: number) => Promise<void>;

/**
 * The tickets a bulk update takes, its changes checked: what a bulk update checks before it
 * writes (and a job before it starts, so a wrong input is answered at once).
 */
export async function prepareBulkUpdate(db: Executor, input: BulkTarget & { changes: BulkChanges }, now: Date): Promise<number[]> {
  const ids = await resolveTicketTarget(db, input, MAX_BULK_TICKETS, now);
  await checkChanges(db, input.changes);
  return ids;
}

/**
 * tickets:bulk-update: resolves the target (ids, or a list's filter in one query); a preview
 * plans the tickets in steps of 500 and writes nothing; otherwise one transaction reads, plans
 * and writes them (bulkUpdateIn). Parallel calls on the same tickets serialise (transactions
 * begin IMMEDIATE), so each audit entry's "before" is the state the previous entry left.
 */
export async function bulkUpdateTickets(deps: CoreDeps, actor: Actor, input: BulkInput): Promise<TicketBulkReport> {
  const changes: BulkChanges = input.changes;
  if (!input.preview) {
    return deps.db.transaction().execute(async (trx) => bulkUpdateIn(trx, deps, actor, await prepareBulkUpdate(trx, input, deps.clock()), changes));
  }
  const ids = await prepareBulkUpdate(deps.db, input, deps.clock());
  const rows: TicketBulkRow[] = [];
  for (let start = 0; start < ids.length; start += BULK_CHUNK_SIZE) rows.push(...(await planChunk(deps.db, ids.slice(start, start + BULK_CHUNK_SIZE), changes)).rows);
  return reportOf(false, rows);
}

/**
 * The bulk update of these tickets inside the caller's transaction (tickets:bulk-update's, or a
 * job's): the changes checked again, then per step of BULK_CHUNK_SIZE tickets read as they are,
 * planned and written, calling onStep after each.
 */
export async function bulkUpdateIn(trx: Executor, deps: CoreDeps, actor: Actor, ids: readonly number[], changes: BulkChanges, onStep?: OnStep): Promise<TicketBulkReport> {
  await checkChanges(trx, changes);
  const now = isoNow(deps.clock);
  const rows: TicketBulkRow[] = [];
  for (let start = 0; start < ids.length; start += BULK_CHUNK_SIZE) {
    const step = ids.slice(start, start + BULK_CHUNK_SIZE);
    const planned = await planChunk(trx, step, changes);
    await writeChunk(trx, deps, actor, planned.plans, now);
    rows.push(...planned.rows);
    await onStep?.(start + step.length);
  }
  return reportOf(true, rows);
}

function reportOf(done: boolean, rows: TicketBulkRow[]): TicketBulkReport {
  const count = (outcome: TicketBulkRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  return { done, rows, totals: { tickets: rows.length, changed: count('changed'), unchanged: count('unchanged'), refused: count('refused') } };
}
