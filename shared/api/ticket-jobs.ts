import { z } from 'zod';
import { channel } from '../contract';
import { TicketBulkChanges, TicketBulkReport, ticketTargetFields, withOneTarget } from './ticket-bulk';
import { TicketMoveInput, TicketMoveReport } from './ticket-moves';

/** A ticket job's id: random, from the core. */
export const TicketJobId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** What tickets:bulk-update-start takes: tickets:bulk-update's input without the dry run (that is tickets:bulk-update with preview). */
export const TicketBulkJobInput = withOneTarget(z.strictObject({ ...ticketTargetFields, changes: TicketBulkChanges }));

/** A job started: its id and how many tickets it takes (the progress bar's total). */
export const TicketJobStarted = z.strictObject({ jobId: TicketJobId, total: z.number().int() });

/**
 * How a ticket job ended: the move's or the update's report (the same the one-call channel
 * answers), or cancelled: stopped before its end, its transaction rolled back, no ticket changed.
 */
export const TicketJobReport = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('move'), move: TicketMoveReport }),
  z.strictObject({ kind: z.literal('bulk-update'), update: TicketBulkReport }),
  z.strictObject({ kind: z.literal('cancelled') }),
]);
export type TicketJobReport = z.infer<typeof TicketJobReport>;

/** How far a job is (tickets done of total); its report once it has ended (and then the job is gone). */
export const TicketJobStatus = z.strictObject({ done: z.number().int(), total: z.number().int(), report: TicketJobReport.nullable() });
export type TicketJobStatus = z.infer<typeof TicketJobStatus>;

/**
 * Bulk ticket actions as jobs in the core (issue 11, point 8): the whole action is ONE
 * transaction, worked through in steps of 500 tickets; the screen asks how far it is and may
 * stop it, which rolls everything back. A job belongs to the staff user who started it. One
 * ticket job runs at a time: a second one from the same sign-in is refused (CONFLICT) while the
 * first runs; another user's calls wait for the first one's transaction, as every database call does.
 */
export const ticketJobsApi = {
  /** Starts tickets:move as a job: the same input, access and changes; input errors come back at once. */
  'tickets:move-start': channel({ access: 'staff', input: TicketMoveInput, output: TicketJobStarted, changes: ['tickets', 'hours', 'audit'] }),
  /** Starts tickets:bulk-update (not a dry run) as a job: the same access and changes; input errors come back at once. */
  'tickets:bulk-update-start': channel({ access: 'staff', input: TicketBulkJobInput, output: TicketJobStarted, changes: ['tickets', 'audit'] }),
  /**
   * How far a ticket job of this staff user is; with its report once it has ended (the job is
   * then gone). A job that failed rolled everything back: this call answers its error. Answered
   * from memory, never from the database, which the job's transaction holds.
   */
  'tickets:job-status': channel({ access: 'staff', input: z.strictObject({ jobId: TicketJobId }), output: TicketJobStatus, changes: ['tickets', 'hours', 'audit'] }),
  /** Asks a ticket job to stop: at its next step it rolls back, nothing changed. cancelled = false: it had already finished (its report stands). */
  'tickets:job-cancel': channel({ access: 'staff', input: z.strictObject({ jobId: TicketJobId }), output: z.strictObject({ cancelled: z.boolean() }) }),
} as const;
