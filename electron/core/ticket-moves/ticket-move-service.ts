import type { ParsedInputOf } from '../../../shared/api';
import { BULK_CHUNK_SIZE } from '../../../shared/api/ticket-bulk';
import { MAX_TICKETS_PER_MOVE, type TicketMoveReport } from '../../../shared/api/ticket-moves';
import { AppError } from '../../../shared/errors';
import { recordAuditMany } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { moveVisibility } from './ticket-move-visibility';
import { planTicketMove, totalsOf, type MoveTarget, type TicketMovePlan } from './ticket-move-plan';
import { resolveTicketTarget } from '../tickets/ticket-target';
import { personsInOrganisationTree } from '../tickets/ticket-contact-repository';
import { addKeptAssignments, findProjectRow, findTaskRow, rebookUnlockedEntries, removeContacts, setPrimaryProject, ticketsToMove, type TicketToMove } from './ticket-move-repository';

type MoveInput = ParsedInputOf<'tickets:move'>;

const fieldError = (code: 'NOT_FOUND' | 'VALIDATION', field: 'projectId' | 'taskId', message: string) =>
  new AppError(code, message, { fields: { [field]: { code: code === 'NOT_FOUND' ? 'not_found' : 'invalid_value' } } });

/** The project and task the tickets go to: both exist, are not archived, and the task is one of the project's. */
async function targetOf(db: Executor, input: MoveInput): Promise<MoveTarget> {
  const project = await findProjectRow(db, input.projectId);
  if (!project) throw fieldError('NOT_FOUND', 'projectId', `Project ${input.projectId} does not exist.`);
  if (project.archived) throw fieldError('VALIDATION', 'projectId', `${project.name} is archived: tickets cannot move there.`);
  const task = await findTaskRow(db, input.taskId);
  if (!task) throw fieldError('NOT_FOUND', 'taskId', `Task ${input.taskId} does not exist.`);
  if (task.projectId !== project.id) throw fieldError('VALIDATION', 'taskId', `${task.name} is a task of another project than ${project.name}.`);
  if (task.archived) throw fieldError('VALIDATION', 'taskId', `${task.name} is archived: tickets cannot move there.`);
  return {
    to: { projectId: project.id, projectName: project.name, taskId: task.id, taskName: task.name },
    customerId: project.customerId,
    withTime: input.withTime,
    alwaysKeepOldAsSecondary: input.alwaysKeepOldAsSecondary,
  };
}

/**
 * The tickets' contact persons who may stay the contact on the new project: null when every one
 * may (an internal project takes anyone). A customer project takes its customer's persons and
 * those of organisations under it (ticket-contact-service.ts).
 *
 * A moving ticket whose contact is another customer's person loses its contact, and the dry run
 * says so per ticket before anything happens. Why not keep the contact and only warn: the
 * contact's name travels with the ticket to the new customer (staff lists, reports, and the
 * customer's own ticket view, whose field whitelist shows the contact's name), so keeping it
 * would show one customer's person to another customer, the leak that tickets:create and
 * tickets:update refuse; and every later edit of such a ticket would meet the rule again.
 * Nothing is lost: the audit entry of the move keeps who the contact was, the report names them,
 * and staff who want another contact choose one of the new customer's persons afterwards.
 */
async function contactsFitting(db: Executor, target: MoveTarget, tickets: readonly TicketToMove[]): Promise<Set<number> | null> {
  if (target.customerId === null) return null;
  const contacts = tickets.flatMap((t) => (t.contact !== null && t.projectId !== target.to.projectId ? [t.contact.personId] : []));
  return personsInOrganisationTree(db, [...new Set(contacts)], target.customerId);
}

interface MovePlan {
  plans: TicketMovePlan[];
  notFoundTicketIds: number[];
  visibility: TicketMoveReport['visibility'];
}

/** Called after each step of a move's writes with how many of its tickets are done; a job reports progress, yields, and may stop there. */
export type OnStep = (done: number) => Promise<void>;

/**
 * Every ticket of the move with what the move does to it, in the order of the ids (the target
 * resolved: the staff list's or view-as list's order for a filter), and who gains or loses sight
 * of the tickets that move, as the database is now (before any write).
 */
async function planMove(db: Executor, input: MoveInput, ids: readonly number[], now: Date): Promise<MovePlan> {
  const target = await targetOf(db, input);
  const tickets = await ticketsToMove(db, ids);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const fitting = await contactsFitting(db, target, tickets);
  const plans: TicketMovePlan[] = [];
  const notFoundTicketIds: number[] = [];
  for (const id of ids) {
    const ticket = byId.get(id);
    if (ticket) plans.push(planTicketMove(ticket, target, fitting === null || ticket.contact === null || fitting.has(ticket.contact.personId)));
    else notFoundTicketIds.push(id);
  }
  const changing = plans.filter((p) => p.changes).map((p) => p.row.ticketId);
  return { plans, notFoundTicketIds, visibility: await moveVisibility(db, changing, input.projectId, input.taskId, now) };
}

const reportOf = (done: boolean, { plans, notFoundTicketIds, visibility }: MovePlan): TicketMoveReport => {
  const rows = plans.map((p) => p.row);
  return { done, rows, totals: totalsOf(rows), notFoundTicketIds, visibility };
};

/**
 * The tickets a move takes, its project and task checked: what a move job checks before it
 * starts, so that a wrong input is answered at once. The job checks the target again in its transaction.
 */
export async function prepareTicketMove(db: Executor, input: MoveInput, now: Date): Promise<number[]> {
  await targetOf(db, input);
  return resolveTicketTarget(db, input, MAX_TICKETS_PER_MOVE, now);
}

/** The dry run of tickets:move: the same report, nothing written. */
export async function previewTicketMove(deps: CoreDeps, input: MoveInput): Promise<TicketMoveReport> {
  const now = deps.clock();
  return reportOf(false, await planMove(deps.db, input, await prepareTicketMove(deps.db, input, now), now));
}

/**
 * Moves the tickets to another primary project and task in one transaction, with one audit
 * entry per ticket changed. Idempotent: a ticket already on the project and task is unchanged.
 */
export async function moveTickets(deps: CoreDeps, actor: Actor, input: MoveInput): Promise<TicketMoveReport> {
  return deps.db.transaction().execute(async (trx) => moveTicketsIn(trx, deps, actor, input, await prepareTicketMove(trx, input, deps.clock())));
}

/**
 * The move of these tickets inside the caller's transaction (tickets:move's, or a move job's):
 * planned as a whole first (the report and who gains or loses sight, from the state before any
 * write), then written in steps of BULK_CHUNK_SIZE tickets, calling onStep after each.
 */
export async function moveTicketsIn(trx: Executor, deps: CoreDeps, actor: Actor, input: MoveInput, ids: readonly number[], onStep?: OnStep): Promise<TicketMoveReport> {
  const now = isoNow(deps.clock);
  const planned = await planMove(trx, input, ids, deps.clock());
  const { plans, notFoundTicketIds } = planned;
  for (let start = 0; start < plans.length; start += BULK_CHUNK_SIZE) {
    const step = plans.slice(start, start + BULK_CHUNK_SIZE);
    await writeMoveStep(trx, actor, input, step, now);
    await onStep?.(notFoundTicketIds.length + start + step.length);
  }
  return reportOf(true, planned);
}

/** Writes one step of a move: entries, kept assignments, the tickets, one audit entry per ticket changed. */
async function writeMoveStep(trx: Executor, actor: Actor, input: MoveInput, plans: readonly TicketMovePlan[], now: string): Promise<void> {
  const changing = plans.filter((p) => p.changes);
  // Entries first: they are found by the ticket's primary project as it is before the move.
  await rebookUnlockedEntries(trx, plans.filter((p) => p.rebook).map((p) => p.row.ticketId), input.projectId, input.taskId, now);
  await addKeptAssignments(
    trx,
    plans.filter((p) => p.addAssignment).map(({ row, old }) => ({ ticketId: row.ticketId, ...old })),
    now,
  );
  await setPrimaryProject(trx, changing.map((p) => p.row.ticketId), input.projectId, input.taskId, now);
  await removeContacts(trx, plans.filter((p) => p.removeContact).map((p) => p.row.ticketId), now);
  await recordAuditMany(
    trx,
    changing.map(({ row, removeContact }) => ({
      at: now,
      staffId: actor.id,
      entity: 'ticket' as const,
      entityId: row.ticketId,
      action: 'primary-project-changed' as const,
      label: `T-${row.number} ${row.title}`,
      before: { primaryProjectId: row.from.projectId, primaryTaskId: row.from.taskId, ...(removeContact ? { contactPersonId: row.contactRemoved?.personId ?? null } : {}) },
      after: {
        ...(removeContact ? { contactPersonId: null } : {}),
        primaryProjectId: row.to.projectId,
        primaryTaskId: row.to.taskId,
        keptAsSecondary: row.secondaryAssignmentAdded !== null,
        rebookedEntries: row.entriesMoved,
        rebookedMinutes: row.minutesMoved,
      },
    })),
  );
}
