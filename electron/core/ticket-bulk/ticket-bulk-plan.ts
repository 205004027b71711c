import type { TICKET_BULK_FIELDS, TicketBulkRow } from '../../../shared/api/ticket-bulk';
import type { BulkTicketState } from './ticket-bulk-repository';

type BulkField = (typeof TICKET_BULK_FIELDS)[number];

/** The changes of one bulk call, after the contract's parsing. */
export interface BulkChanges {
  status?: BulkTicketState['status'] | undefined;
  priority?: BulkTicketState['priority'] | undefined;
  assigneeId?: number | null | undefined;
  contactPersonId?: number | null | undefined;
  addCategoryIds: readonly number[];
  removeCategoryIds: readonly number[];
  addAssignment?: { projectId: number; taskId: number | null } | undefined;
}

/** What the audit log keeps of a ticket a bulk update touched: the fields it may change. */
export interface BulkAuditView {
  status: BulkTicketState['status'];
  priority: BulkTicketState['priority'];
  assigneeId: number | null;
  contactPersonId: number | null;
  categoryIds: number[];
  secondaryAssignments: { projectId: number; taskId: number | null }[];
}

export const auditViewOf = (s: BulkTicketState): BulkAuditView => ({
  status: s.status,
  priority: s.priority,
  assigneeId: s.assigneeId,
  contactPersonId: s.contactPersonId,
  categoryIds: s.categoryIds,
  secondaryAssignments: s.assignments,
});

export interface BulkTicketPlan {
  row: TicketBulkRow;
  before: BulkAuditView;
  after: BulkAuditView;
  /** The assignment to insert (origin manual), when the ticket has none on that project and task. */
  addAssignment: { projectId: number; taskId: number | null } | null;
}

/**
 * What the changes do to one ticket, from its state and the facts read for its step (no
 * database), so the dry run and the update cannot disagree. An assignment the ticket has already
 * (same project and task, or both without a task) is not added again: tickets:add-assignment
 * refuses that, a bulk call leaves it be. CONTACT_FITS: the new contact (if any) may be the
 * contact of a ticket on this ticket's primary project; when not, and the contact would change,
 * the whole ticket is refused (nothing of it changes), as tickets:update refuses such an edit.
 */
export function planBulkUpdate(state: BulkTicketState, changes: BulkChanges, contactFits = true): BulkTicketPlan {
  const before = auditViewOf(state);
  const categories = new Set(state.categoryIds);
  for (const id of changes.addCategoryIds) categories.add(id);
  for (const id of changes.removeCategoryIds) categories.delete(id);
  const wanted = changes.addAssignment;
  const addAssignment = wanted && !state.assignments.some((a) => a.projectId === wanted.projectId && a.taskId === wanted.taskId) ? wanted : null;
  const after: BulkAuditView = {
    status: changes.status ?? state.status,
    priority: changes.priority ?? state.priority,
    assigneeId: changes.assigneeId === undefined ? state.assigneeId : changes.assigneeId,
    contactPersonId: changes.contactPersonId === undefined ? state.contactPersonId : changes.contactPersonId,
    categoryIds: [...categories].sort((a, b) => a - b),
    secondaryAssignments: addAssignment ? [...state.assignments, addAssignment] : state.assignments,
  };
  const fields = (Object.keys(after) as BulkField[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!contactFits && fields.includes('contactPersonId')) {
    return { row: { ...refusedRow(state.id, 'contact_of_other_customer'), number: state.number, title: state.title }, before, after: before, addAssignment: null };
  }
  return {
    row: { ticketId: state.id, number: state.number, title: state.title, outcome: fields.length > 0 ? 'changed' : 'unchanged', reason: null, fields },
    before,
    after,
    addAssignment,
  };
}

const refusedRow = (ticketId: number, reason: NonNullable<TicketBulkRow['reason']>): TicketBulkRow => ({ ticketId, number: null, title: null, outcome: 'refused', reason, fields: [] });

export const notFoundRow = (ticketId: number): TicketBulkRow => refusedRow(ticketId, 'not_found');
