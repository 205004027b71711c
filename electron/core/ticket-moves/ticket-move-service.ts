import type { ParsedInputOf } from '../../../shared/api';
import { MAX_TICKETS_PER_MOVE, type TicketMoveReport } from '../../../shared/api/ticket-moves';
import { AppError } from '../../../shared/errors';
import { recordAuditMany } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { moveVisibility } from './ticket-move-visibility';
import { planTicketMove, totalsOf, type MoveTarget, type TicketMovePlan } from './ticket-move-plan';
import { resolveTicketTarget } from '../tickets/ticket-target';
import { addKeptAssignments, findProjectRow, findTaskRow, rebookUnlockedEntries, setPrimaryProject, ticketsToMove } from './ticket-move-repository';

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
    withTime: input.withTime,
    alwaysKeepOldAsSecondary: input.alwaysKeepOldAsSecondary,
  };
}

interface MovePlan {
  plans: TicketMovePlan[];
  notFoundTicketIds: number[];
  visibility: TicketMoveReport['visibility'];
}

/**
 * Every ticket of the chunk with what the move does to it, in the order the ids came (or the
 * staff list's order for a filter), and who gains or loses sight of the tickets that move.
 */
async function planMove(db: Executor, input: MoveInput, now: Date): Promise<MovePlan> {
  const target = await targetOf(db, input);
  const ids = await resolveTicketTarget(db, input, MAX_TICKETS_PER_MOVE);
  const byId = new Map((await ticketsToMove(db, ids)).map((t) => [t.id, t]));
  const plans: TicketMovePlan[] = [];
  const notFoundTicketIds: number[] = [];
  for (const id of ids) {
    const ticket = byId.get(id);
    if (ticket) plans.push(planTicketMove(ticket, target));
    else notFoundTicketIds.push(id);
  }
  const changing = plans.filter((p) => p.changes).map((p) => p.row.ticketId);
  return { plans, notFoundTicketIds, visibility: await moveVisibility(db, changing, input.projectId, input.taskId, now) };
}

const reportOf = (done: boolean, { plans, notFoundTicketIds, visibility }: MovePlan): TicketMoveReport => {
  const rows = plans.map((p) => p.row);
  return { done, rows, totals: totalsOf(rows), notFoundTicketIds, visibility };
};

/** The dry run of tickets:move: the same report, nothing written. */
export async function previewTicketMove(deps: CoreDeps, input: MoveInput): Promise<TicketMoveReport> {
  return reportOf(false, await planMove(deps.db, input, deps.clock()));
}

/**
 * Moves one chunk of tickets to another primary project and task in one transaction, with one
 * audit entry per ticket changed. Idempotent: a ticket already on the project and task is
 * unchanged, so the renderer may send a chunk again after an interruption.
 */
export async function moveTickets(deps: CoreDeps, actor: Actor, input: MoveInput): Promise<TicketMoveReport> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const planned = await planMove(trx, input, deps.clock());
    const { plans } = planned;
    const changing = plans.filter((p) => p.changes);
    // Entries first: they are found by the ticket's primary project as it is before the move.
    await rebookUnlockedEntries(trx, plans.filter((p) => p.rebook).map((p) => p.row.ticketId), input.projectId, input.taskId, now);
    await addKeptAssignments(
      trx,
      plans.filter((p) => p.addAssignment).map(({ row, old }) => ({ ticketId: row.ticketId, ...old })),
      now,
    );
    await setPrimaryProject(trx, changing.map((p) => p.row.ticketId), input.projectId, input.taskId, now);
    await recordAuditMany(
      trx,
      changing.map(({ row }) => ({
        at: now,
        staffId: actor.id,
        entity: 'ticket' as const,
        entityId: row.ticketId,
        action: 'primary-project-changed' as const,
        label: `T-${row.number} ${row.title}`,
        before: { primaryProjectId: row.from.projectId, primaryTaskId: row.from.taskId },
        after: {
          primaryProjectId: row.to.projectId,
          primaryTaskId: row.to.taskId,
          keptAsSecondary: row.secondaryAssignmentAdded !== null,
          rebookedEntries: row.entriesMoved,
          rebookedMinutes: row.minutesMoved,
        },
      })),
    );
    return reportOf(true, planned);
  });
}
