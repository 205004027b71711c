import type { AuditEntry } from '../../../shared/api/audit';
import type { TicketComment, TicketDetail } from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import { listAuditOfRecords } from '../audit/audit-handlers';
import { deletedRecordIds } from '../audit/audit-repository';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import { deleteAssignment, findAssignment, insertComment } from './ticket-part-repository';
import { updateTicketRow } from './ticket-repository';
import { addSecondaryAssignment, getTicket, requireTicketRow, ticketLabel } from './ticket-service';
import { countEntriesOn, timeEntryIdsOf } from './time-entry-repository';

/** A public or internal (staff-only) comment; the ticket counts as updated. */
export async function commentOnTicket(deps: CoreDeps, actor: Actor, input: { ticketId: number; body: string; internal: boolean }): Promise<TicketComment> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, input.ticketId, 'ticketId');
    const comment = await insertComment(trx, { ticket_id: ticket.id, body: input.body, internal: input.internal ? 1 : 0, author_staff_id: actor.id, author_account_id: null, created_at: now });
    await updateTicketRow(trx, ticket.id, { updated_at: now });
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'ticket', entityId: ticket.id, action: 'commented', label: ticketLabel(ticket), after: { body: input.body, internal: input.internal } });
    return comment;
  });
}

/**
 * The ticket's audit entries and those of its time entries, newest first (comments are
 * audited on the ticket itself). Its time entries are the ones it has now and the deleted
 * ones whose deletion kept its id: an entry's ticket never changes and ids are never reused
 * (migration 0015), so no entry of another ticket can slip in.
 */
export async function ticketHistory(deps: CoreDeps, input: { id: number; offset: number; limit: number }): Promise<{ rows: AuditEntry[]; total: number }> {
  await requireTicketRow(deps.db, input.id);
  const [current, deleted] = await Promise.all([timeEntryIdsOf(deps.db, input.id), deletedRecordIds(deps.db, 'time-entry', 'ticketId', input.id)]);
  const records = [
    { entity: 'ticket', ids: [input.id] },
    { entity: 'time-entry', ids: [...new Set([...current, ...deleted])] },
  ] as const;
  return listAuditOfRecords(deps.db, records, input.offset, input.limit);
}

/** Adds a secondary project (and optional task) by hand. */
export async function addAssignment(deps: CoreDeps, actor: Actor, input: { ticketId: number; projectId: number; taskId: number | null }): Promise<TicketDetail> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, input.ticketId, 'ticketId');
    await addSecondaryAssignment(trx, ticket.id, input, now);
    await updateTicketRow(trx, ticket.id, { updated_at: now });
    await recordAudit(trx, {
      at: now,
      staffId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'assignment-added',
      label: ticketLabel(ticket),
      after: { projectId: input.projectId, taskId: input.taskId, origin: 'manual' },
    });
  });
  return getTicket(deps, input.ticketId);
}

/** Refused while time entries lie on the assignment: every entry lies on an assignment of its ticket. */
export async function removeAssignment(deps: CoreDeps, actor: Actor, input: { ticketId: number; assignmentId: number }): Promise<TicketDetail> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const ticket = await requireTicketRow(trx, input.ticketId, 'ticketId');
    const assignment = await findAssignment(trx, ticket.id, input.assignmentId);
    if (!assignment) {
      throw new AppError('NOT_FOUND', `Ticket ${ticket.reference} has no assignment ${input.assignmentId}.`, { fields: { assignmentId: { code: 'not_found' } } });
    }
    const entries = await countEntriesOn(trx, ticket.id, assignment.project_id, assignment.task_id);
    if (entries > 0 && assignment.project_id !== ticket.projectId) {
      throw new AppError('IN_USE', `${entries} time entr${entries === 1 ? 'y lies' : 'ies lie'} on this assignment; move or delete them first.`, {
        fields: { assignmentId: { code: 'invalid_value' } },
        params: { entries },
      });
    }
    await deleteAssignment(trx, assignment.id);
    await updateTicketRow(trx, ticket.id, { updated_at: now });
    await recordAudit(trx, {
      at: now,
      staffId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'assignment-removed',
      label: ticketLabel(ticket),
      before: { projectId: assignment.project_id, taskId: assignment.task_id, origin: assignment.origin },
    });
  });
  return getTicket(deps, input.ticketId);
}
