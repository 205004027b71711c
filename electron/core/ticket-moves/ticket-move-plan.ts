import type { ProjectTaskRef, TicketMoveOutcome, TicketMoveRow, TicketMoveTimeOption, TicketMoveTotals } from '../../../shared/api/ticket-moves';
import type { TicketToMove } from './ticket-move-repository';

/** Where the tickets go and how tickets with time are treated. */
export interface MoveTarget {
  to: ProjectTaskRef & { taskId: number };
  /** The new project's customer organisation; null for an internal project (any contact fits). */
  customerId: number | null;
  withTime: TicketMoveTimeOption;
  alwaysKeepOldAsSecondary: boolean;
}

/** What the move does to one ticket: the report's row, and what the service writes for it. */
export interface TicketMovePlan {
  row: TicketMoveRow;
  /** The ticket's primary project and task before the move. */
  old: { projectId: number; taskId: number };
  /** Its unlocked entries on the old primary project move to the new one. */
  rebook: boolean;
  /** The old primary project and task become a secondary assignment (none existed). */
  addAssignment: boolean;
  /** Its primary project or task changes (so it gets an audit entry). */
  changes: boolean;
  /** Its contact person is taken off: a person of another customer than the new project's. */
  removeContact: boolean;
}

/**
 * The rules of a move for one ticket, decided from the facts alone (no database), so the dry
 * run and the move cannot disagree. "Has time" means time on the old primary project: entries
 * on a secondary assignment keep lying on it whatever the primary project is, so they neither
 * skip a ticket nor move. CONTACT_FITS: the ticket's contact (if any) may be the contact of a
 * ticket on the new project; a ticket that moves while it does not loses its contact.
 */
export function planTicketMove(ticket: TicketToMove, target: MoveTarget, contactFits = true): TicketMovePlan {
  const { to, withTime } = target;
  const from: ProjectTaskRef = { projectId: ticket.projectId, projectName: ticket.projectName, taskId: ticket.taskId, taskName: ticket.taskName };
  const hasTime = ticket.unlockedEntries + ticket.lockedEntries > 0;
  let outcome: TicketMoveOutcome;
  if (ticket.projectId === to.projectId) outcome = ticket.taskId === to.taskId ? 'unchanged_same_project' : 'task_changed';
  else outcome = hasTime && withTime === 'keep_primary' ? 'skipped_has_time' : 'moved';

  const moved = outcome === 'moved';
  const rebook = moved && withTime === 'rebook' && ticket.unlockedEntries > 0;
  // Every entry must still lie on an assignment of its ticket: locked entries that stay behind keep their project.
  const keepOld =
    moved && (target.alwaysKeepOldAsSecondary || (hasTime && withTime === 'keep_as_secondary') || (withTime === 'rebook' && ticket.lockedEntries > 0));
  const addAssignment = keepOld && !ticket.primaryAlsoSecondary;
  const rebooking = moved && withTime === 'rebook';
  const removeContact = moved && ticket.contact !== null && !contactFits;
  return {
    row: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      from,
      to,
      outcome,
      entriesMoved: rebook ? ticket.unlockedEntries : 0,
      minutesMoved: rebook ? ticket.unlockedMinutes : 0,
      lockedEntriesKept: rebooking ? ticket.lockedEntries : 0,
      lockedMinutesKept: rebooking ? ticket.lockedMinutes : 0,
      secondaryAssignmentAdded: addAssignment ? from : null,
      contactRemoved: removeContact ? ticket.contact : null,
    },
    old: { projectId: ticket.projectId, taskId: ticket.taskId },
    rebook,
    addAssignment,
    changes: moved || outcome === 'task_changed',
    removeContact,
  };
}

export function totalsOf(rows: readonly TicketMoveRow[]): TicketMoveTotals {
  const count = (outcome: TicketMoveOutcome) => rows.filter((r) => r.outcome === outcome).length;
  const sum = (pick: (r: TicketMoveRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    tickets: rows.length,
    moved: count('moved'),
    taskChanged: count('task_changed'),
    skippedHasTime: count('skipped_has_time'),
    unchanged: count('unchanged_same_project'),
    entriesMoved: sum((r) => r.entriesMoved),
    minutesMoved: sum((r) => r.minutesMoved),
    lockedEntriesKept: sum((r) => r.lockedEntriesKept),
    lockedMinutesKept: sum((r) => r.lockedMinutesKept),
    secondaryAssignmentsAdded: rows.filter((r) => r.secondaryAssignmentAdded !== null).length,
    contactsRemoved: rows.filter((r) => r.contactRemoved !== null).length,
  };
}
