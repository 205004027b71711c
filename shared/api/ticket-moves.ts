import { z } from 'zod';
import { channel } from '../contract';
import { Id } from './common';
import { ticketTargetFields, withOneTarget } from './ticket-bulk';

/** Most tickets one call (or job) moves, in one transaction. */
export const MAX_TICKETS_PER_MOVE = 10_000;

/**
 * What happens to tickets with time entries on their old primary project (the ZEP question):
 * keep_primary = those tickets are skipped; rebook = their unlocked entries move to the new
 * primary project and task, locked ones stay and their project is kept as a secondary
 * assignment; keep_as_secondary = the old primary project becomes a secondary assignment and
 * the entries stay. Entries on a secondary assignment are never moved.
 */
export const TicketMoveTimeOption = z.enum(['keep_primary', 'rebook', 'keep_as_secondary']);
export type TicketMoveTimeOption = z.infer<typeof TicketMoveTimeOption>;

/** The tickets to move (ids, the staff list's or the view-as list's filter less exceptIds) and where to; the task must belong to the project. */
export const TicketMoveInput = withOneTarget(z.strictObject({
  ...ticketTargetFields,
  ticketIds: z.array(Id).min(1).max(MAX_TICKETS_PER_MOVE).optional(),
  projectId: Id,
  taskId: Id,
  withTime: TicketMoveTimeOption,
  /** Even tickets without time on their old primary project keep it as a secondary assignment. */
  alwaysKeepOldAsSecondary: z.boolean().default(false),
}));
export type TicketMoveInput = z.input<typeof TicketMoveInput>;

/**
 * What a move does (or did) to one ticket: moved to the other project; task_changed = same
 * project, other task (its entries still lie on the primary project); skipped_has_time = it has
 * time on its primary project and the option is keep_primary; unchanged_same_project = it is
 * already on that project and task (so a repeated move changes nothing).
 */
export const TicketMoveOutcome = z.enum(['moved', 'task_changed', 'skipped_has_time', 'unchanged_same_project']);
export type TicketMoveOutcome = z.infer<typeof TicketMoveOutcome>;

/** A project and task, with their names as they are now. */
export const ProjectTaskRef = z.strictObject({
  projectId: Id,
  projectName: z.string(),
  taskId: Id.nullable(),
  taskName: z.string().nullable(),
});
export type ProjectTaskRef = z.infer<typeof ProjectTaskRef>;

/** A ticket's contact person, as a move's report names them. */
export const MoveContactRef = z.strictObject({ personId: Id, name: z.string(), organisationName: z.string() });
export type MoveContactRef = z.infer<typeof MoveContactRef>;

/** One ticket of a move's report. */
export const TicketMoveRow = z.strictObject({
  ticketId: Id,
  number: z.number().int(),
  title: z.string(),
  from: ProjectTaskRef,
  to: ProjectTaskRef,
  outcome: TicketMoveOutcome,
  /** Unlocked entries on the old primary project moved to the new one (rebook only). */
  entriesMoved: z.number().int(),
  minutesMoved: z.number().int(),
  /** Locked entries left on the old primary project (rebook only). */
  lockedEntriesKept: z.number().int(),
  lockedMinutesKept: z.number().int(),
  /** The old primary project and task, now a secondary assignment (origin kept_on_move); null when none was added. */
  secondaryAssignmentAdded: ProjectTaskRef.nullable(),
  /**
   * The contact person the move takes off the ticket: a person of another customer than the new
   * project's (see ticket-move-service.ts for why the contact is removed); null when the contact stays.
   */
  contactRemoved: MoveContactRef.nullable(),
});
export type TicketMoveRow = z.infer<typeof TicketMoveRow>;

export const TicketMoveTotals = z.strictObject({
  tickets: z.number().int(),
  moved: z.number().int(),
  taskChanged: z.number().int(),
  skippedHasTime: z.number().int(),
  unchanged: z.number().int(),
  entriesMoved: z.number().int(),
  minutesMoved: z.number().int(),
  lockedEntriesKept: z.number().int(),
  lockedMinutesKept: z.number().int(),
  secondaryAssignmentsAdded: z.number().int(),
  /** Tickets whose contact person the move removes (contactRemoved). */
  contactsRemoved: z.number().int(),
});
export type TicketMoveTotals = z.infer<typeof TicketMoveTotals>;

/** A contact (a person, or a portal account's organisation link without a person) holding a live right on a project a move involves. */
export const MoveVisibilityContact = z.strictObject({
  kind: z.enum(['person', 'account']),
  personId: Id.nullable(),
  accountId: Id.nullable(),
  organisationId: Id.nullable(),
  /** The person's name, or the account's username. */
  name: z.string(),
  organisationName: z.string().nullable(),
  /** Tickets the contact sees after the move and did not before. */
  gainsTicketIds: z.array(Id),
  /** Tickets the contact saw before the move and does not after. */
  losesTicketIds: z.array(Id),
});
export type MoveVisibilityContact = z.infer<typeof MoveVisibilityContact>;

/** The dry run's answer, and the same after the move with done = true. */
export const TicketMoveReport = z.strictObject({
  done: z.boolean(),
  rows: z.array(TicketMoveRow),
  totals: TicketMoveTotals,
  /** Ids of the input that name no ticket (deleted meanwhile). */
  notFoundTicketIds: z.array(Id),
  /**
   * Who gains or loses sight of which tickets, by THE access function (explain on each ticket
   * before and with its new primary project and task); only contacts with a change are listed.
   */
  visibility: z.array(MoveVisibilityContact),
});
export type TicketMoveReport = z.infer<typeof TicketMoveReport>;

export const ticketMovesApi = {
  /** The dry run: what tickets:move would do, changing nothing. */
  'tickets:move-preview': channel({ access: 'staff', input: TicketMoveInput, output: TicketMoveReport }),
  /**
   * Changes the primary project (and task) of the tickets in one transaction; one audit entry
   * per ticket changed. The screens run it as a job (tickets:move-start) to show progress and offer a stop.
   */
  'tickets:move': channel({
    access: 'staff',
    input: TicketMoveInput,
    output: TicketMoveReport,
    changes: ['tickets', 'hours', 'audit'],
  }),
} as const;
