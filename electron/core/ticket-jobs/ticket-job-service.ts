import type { ParsedInputOf } from '../../../shared/api';
import type { TicketJobReport, TicketJobStatus } from '../../../shared/api/ticket-jobs';
import { AppError } from '../../../shared/errors';
import { holdSessionPrincipal } from '../auth/session-principal';
import { actorOf, type CoreDeps, type HandlerContext } from '../context';
import type { Executor } from '../db/connection';
import { dialectOf } from '../db/dialect/of-database';
import { jobRegistry } from '../jobs/background-jobs';
import { bulkUpdateIn, prepareBulkUpdate } from '../ticket-bulk/ticket-bulk-service';
import { moveTicketsIn, prepareTicketMove } from '../ticket-moves/ticket-move-service';

/*
 * Bulk ticket actions as jobs (issue 11, point 8): the whole move or update runs in ONE
 * transaction, written in steps of 500 tickets. After each step the job records how far it is
 * and yields to the event loop, so the screen's status and stop calls are answered (by this
 * process from memory: on SQLite the transaction holds the database connection, and any query
 * would wait for its end; jobs/running-job.ts says what reaches the job's row, and when).
 * A stop rolls the transaction back at the next step, and so does an error: all or nothing.
 */

const ticketJobs = jobRegistry<TicketJobReport>('ticket', 'This bulk action does not exist (any more).');

/**
 * Cores with a ticket job whose transaction is open or about to be. A second job is refused
 * meanwhile rather than queued behind the first: its dry run would be stale by the time it ran.
 * (Callers other than the job's own sign-in wait for the transaction anyway, at their first query.)
 */
const busy = new WeakSet<CoreDeps>();

function refuseWhileBusy(deps: CoreDeps): void {
  if (busy.has(deps)) {
    throw new AppError('CONFLICT', 'Another bulk action on tickets is running: start this one when it has finished.', { params: { reason: 'ticket_job_running' } });
  }
}

/** Lets the screen's calls in between two steps (status, stop), then stops the job if it was asked to. */
const betweenSteps = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts `work` as a job in one transaction of its own; answers with the job's id and total once the job's row is written. */
async function startTicketJob(ctx: HandlerContext, total: number, work: (trx: Executor, onStep: (done: number) => Promise<void>) => Promise<TicketJobReport>): Promise<{ jobId: string; total: number }> {
  const { deps } = ctx;
  refuseWhileBusy(deps);
  busy.add(deps);
  // The job's status calls come from the same window or tab: their sign-in check must not wait for the job's transaction.
  const release = ctx.principal?.kind === 'staff' ? holdSessionPrincipal(ctx.session, ctx.principal) : () => undefined;
  // SQLite: the transaction holds the core's only connection; nothing may write the job's row until it ends.
  const holdsTheConnection = dialectOf(deps.db).name === 'sqlite';
  try {
    const jobId = await ticketJobs.start(
      deps,
      actorOf(ctx).id,
      total,
      async (steps) => {
        try {
          return await deps.db.transaction().execute(async (trx) => {
            try {
              const report = await work(trx, async (done) => {
                steps.progress(done);
                await betweenSteps();
                await steps.checkpoint();
              });
              await steps.checkpoint({ last: true, transaction: trx });
              return report;
            } finally {
              // Before the commit releases the connection: whoever was waiting for it may start a job.
              busy.delete(deps);
            }
          });
        } finally {
          busy.delete(deps);
          release();
        }
      },
      { holdsTheConnection },
    );
    return { jobId, total };
  } catch (error) {
    // The job's row could not be written: no job runs.
    busy.delete(deps);
    release();
    throw error;
  }
}

/** tickets:move-start: checks the input and resolves the target at once, then moves the tickets as a job. */
export async function startTicketMoveJob(ctx: HandlerContext, input: ParsedInputOf<'tickets:move-start'>): Promise<{ jobId: string; total: number }> {
  const { deps } = ctx;
  const actor = actorOf(ctx);
  refuseWhileBusy(deps);
  const ids = await prepareTicketMove(deps.db, input, deps.clock());
  return startTicketJob(ctx, ids.length, async (trx, onStep) => ({ kind: 'move', move: await moveTicketsIn(trx, deps, actor, input, ids, onStep) }));
}

/** tickets:bulk-update-start: checks the changes and resolves the target at once, then updates the tickets as a job. */
export async function startTicketBulkUpdateJob(ctx: HandlerContext, input: ParsedInputOf<'tickets:bulk-update-start'>): Promise<{ jobId: string; total: number }> {
  const { deps } = ctx;
  const actor = actorOf(ctx);
  refuseWhileBusy(deps);
  const ids = await prepareBulkUpdate(deps.db, input, deps.clock());
  return startTicketJob(ctx, ids.length, async (trx, onStep) => ({ kind: 'bulk-update', update: await bulkUpdateIn(trx, deps, actor, ids, input.changes, onStep) }));
}

/** tickets:job-status: how far the job is; the report (or the error) once, when the job has ended. */
export async function ticketJobStatus(ctx: HandlerContext, jobId: string): Promise<TicketJobStatus> {
  const { done, total, result, stopped } = await ticketJobs.status(ctx.deps, actorOf(ctx).id, jobId);
  return { done, total, report: stopped ? { kind: 'cancelled' } : result };
}

/** tickets:job-cancel: the job rolls back at its next step; false when it had already finished. */
export async function cancelTicketJob(ctx: HandlerContext, jobId: string): Promise<{ cancelled: boolean }> {
  return { cancelled: await ticketJobs.stop(ctx.deps, actorOf(ctx).id, jobId) };
}
