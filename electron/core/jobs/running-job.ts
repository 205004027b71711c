import { performance } from 'node:perf_hooks';
import { AppError, type ErrorPayload } from '../../../shared/errors';
import { isoNow } from '../clock';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { whileChanging } from '../db/dialect/postgres-changes';
import { claimFinishing, findJobState, touchJob, type JobKind } from './background-job-repository';

/*
 * A job as the process that runs it knows it: how far it is, whether a stop was asked for,
 * whether it is past its last checkpoint. This process answers its own jobs' status from here,
 * never from the row: on SQLite a ticket job's ONE transaction holds the database's only
 * connection, and any query would wait for its end.
 *
 * The row (background_job) is what other processes see. The running process writes progress to
 * it at most every PROGRESS_WRITE_MS (status calls come every 200-250 ms; writing each step of a
 * bulk would be a write per 500 tickets, or per letter), and at least every HEARTBEAT_MS even
 * without progress, so a job without a heartbeat for a minute (background-jobs.ts) is known to
 * have lost its process. The same write brings back a stop asked for through another process.
 *
 * Whether the row can be written while the job runs depends on where the work runs:
 * - PostgreSQL: these writes go through the pool, on another connection than the job's
 *   transaction, and on another table than any the job writes, so they neither wait for that
 *   transaction nor conflict with it (a write to the job's row INSIDE the SERIALIZABLE
 *   transaction would: the heartbeats change the row after the transaction's snapshot, and
 *   PostgreSQL would refuse it and run the whole job again). They are never awaited by the
 *   work, except at the last checkpoint, where the row decides between a stop and the commit.
 * - SQLite, a ticket job: its transaction holds the only connection (and SQLite's one write
 *   lock): a write from outside would wait for the job, and awaiting it inside the job would
 *   wait forever. So the row is written when the job starts and when it ends (and claimed at the
 *   last checkpoint through the job's own transaction), and this process's status and stop calls
 *   work from memory meanwhile. Only one back office serves a SQLite data folder (its lock), so
 *   no other process asks about the job in between; one that does (a second core in a test)
 *   sees it start and end, and its stop waits for SQLite's write lock like any write.
 * - SQLite, a print job: no transaction while it renders, so it writes as on PostgreSQL.
 *
 * These writes are bookkeeping: they announce no domain to other processes' screens
 * (whileChanging([])), though the job's own work announces what it changed when it commits.
 */

/** Progress reaches the row at most this often. */
export const PROGRESS_WRITE_MS = 300;

/** The running process says it still runs the job at least this often (six chances before OWNER_GONE_MS). */
export const HEARTBEAT_MS = 10_000;

/** What a job's work is handed: how it reports progress and learns that it is asked to stop. */
export interface JobSteps {
  /** How many of the total are done now. */
  progress(done: number): void;
  /**
   * Rejects with JobStopped when a stop was asked for. With last = true it is the work's last
   * chance to stop: a stop asked for after it is refused (the work is committing its result).
   * Rejects with JOB_INTERRUPTED when another process ended the job for want of a heartbeat.
   * `transaction`: the work's own, for a job whose transaction holds the only connection: the
   * last checkpoint claims the row through it (and the claim commits with the work).
   */
  checkpoint(options?: { last?: boolean; transaction?: Executor }): Promise<void>;
}

/** Thrown by checkpoint() after a stop was asked for; the job then ends as stopped. */
export class JobStopped extends Error {
  constructor() {
    super('The job was stopped.');
  }
}

/** Why a job ended without its process: it stopped (crashed, was closed) while the job ran. */
export const INTERRUPTED: ErrorPayload = {
  code: 'JOB_INTERRUPTED',
  message: 'Interrupted: the process that ran this job stopped before the job ended (it gave no sign of life for a minute). Start it again.',
};

/** Runs a bookkeeping write of the jobs' table: no screen shows the table, so the write tells no screen to refresh. */
export const bookkeeping = <T>(write: () => Promise<T>): Promise<T> => whileChanging([], write);

export class RunningJob {
  done = 0;
  stopAsked = false;
  /** Past its last checkpoint: a stop asked for now comes too late. */
  finishing = false;
  /** Another process ended the job for want of a heartbeat: the work must not commit. */
  lost = false;
  /** Set when the work has settled; resolves once the end is written to the row. */
  ending: Promise<void> | null = null;
  #writing = false;
  #writeAgain = false;
  #writtenAt = performance.now();
  #nextWrite: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly deps: CoreDeps,
    readonly id: string,
    readonly kind: JobKind,
    readonly staffId: number,
    readonly total: number,
    /** False while the work's transaction holds the database's only connection (SQLite ticket jobs). */
    private readonly writesRow: boolean,
  ) {
    if (writesRow) {
      this.#heartbeat = setInterval(() => void this.write(), HEARTBEAT_MS);
      this.#heartbeat.unref();
    }
  }

  readonly steps: JobSteps = {
    progress: (done) => {
      this.done = done;
      this.scheduleWrite();
    },
    checkpoint: async (options = {}) => {
      if (this.lost) throw AppError.fromPayload(INTERRUPTED);
      if (this.stopAsked) throw new JobStopped();
      if (!options.last) return;
      // From here this process refuses a stop; the row decides for a stop asked through another.
      this.finishing = true;
      // SQLite ticket jobs: through the job's transaction, which holds SQLite's one write lock, so
      // no stop can be written between this claim and the commit; the claim is undone with a
      // rollback. Never on PostgreSQL: the SERIALIZABLE transaction would conflict with the heartbeats.
      const db = this.writesRow ? this.deps.db : options.transaction;
      if (!db) return;
      if (await bookkeeping(() => claimFinishing(db, this.id))) return;
      const row = await findJobState(db, this.id);
      if (row?.state === 'running' && row.stop_asked === 1) throw new JobStopped();
      this.lost = true;
      throw AppError.fromPayload(INTERRUPTED);
    },
  };

  /** No more writes of progress or heartbeat: the job has ended (or its core closed). */
  close(): void {
    this.#closed = true;
    if (this.#nextWrite) clearTimeout(this.#nextWrite);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#nextWrite = this.#heartbeat = null;
  }

  private scheduleWrite(): void {
    if (!this.writesRow || this.#closed || this.#nextWrite) return;
    const wait = Math.max(0, PROGRESS_WRITE_MS - (performance.now() - this.#writtenAt));
    this.#nextWrite = setTimeout(() => {
      this.#nextWrite = null;
      void this.write();
    }, wait);
    this.#nextWrite.unref();
  }

  /** Writes progress and heartbeat, and learns of a stop asked for elsewhere; never throws (the next heartbeat tries again). */
  private async write(): Promise<void> {
    if (this.#closed) return;
    if (this.#writing) {
      this.#writeAgain = true;
      return;
    }
    this.#writing = true;
    try {
      const row = await bookkeeping(() => touchJob(this.deps.db, this.id, this.done, isoNow(this.deps.clock)));
      if (!row) this.lost = true;
      else if (row.stop_asked === 1) this.stopAsked = true;
    } catch {
      // A lost connection or a closed core: the heartbeat tries again; a minute of failures ends the job elsewhere.
    } finally {
      this.#writing = false;
      this.#writtenAt = performance.now();
      if (this.#writeAgain) {
        this.#writeAgain = false;
        this.scheduleWrite();
      }
    }
  }
}
