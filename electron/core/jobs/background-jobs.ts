import { randomBytes } from 'node:crypto';
import { AppError, isAppError, type ErrorPayload } from '../../../shared/errors';
import type { CoreDeps } from '../context';
import { dialectOf, mapDriverError } from '../db/dialect/of-database';
import {
  anyEndedBefore,
  askStop,
  deleteEndedBefore,
  endJob,
  failSilentJobs,
  findJob,
  insertJob,
  silentJobIds,
  takeEndedJob,
  type JobEnd,
  type JobKind,
} from './background-job-repository';
import { bookkeeping, INTERRUPTED, JobStopped, RunningJob, type JobSteps } from './running-job';

export { JobStopped, type JobSteps } from './running-job';

/*
 * Print jobs and bulk ticket jobs (issue 13, point 3): each is a row of background_job, so that
 * in a shared office any process (or core) on the database answers its status and stop, and a
 * job whose process died ends instead of running forever. The process that runs a job keeps it
 * in memory too (running-job.ts says why) and answers its own jobs from there.
 */

/** How far a job is; result once it has ended (null while it runs, and for a stopped job). */
export interface JobStatus<R> {
  done: number;
  total: number;
  result: R | null;
  stopped: boolean;
}

/** A job's result (or error) waits this long to be fetched, then is dropped (a print job's file holds activation codes). */
const KEEP_ENDED_MS = 10 * 60_000;

/**
 * A running job whose process said nothing for this long has lost its process: it ends as
 * failed, "interrupted". Measured by each core's clock against the heartbeat another wrote, so
 * it also leaves room for clocks of the office's computers that differ by some seconds.
 */
export const OWNER_GONE_MS = 60_000;

/** Jobs that run in the back office take their lease owner from this role. */
const JOB_ROLE = 'back-office';

/** One core's running jobs, of every kind, and what it knows of them beyond the row. */
interface CoreJobs {
  /** This process as the owner of the jobs it runs (the dialect's lease owner). */
  owner: string;
  running: Map<string, RunningJob>;
  /** The errors its failed jobs threw, until handed out: the dispatcher reports an unexpected one as before (onError). */
  failures: Map<string, { error: unknown; at: number }>;
}

/** Per core: tests open many cores in one process, and each plays a process of its own. */
const jobsOfCore = new WeakMap<CoreDeps, CoreJobs>();

function jobsOf(deps: CoreDeps): CoreJobs {
  let jobs = jobsOfCore.get(deps);
  if (!jobs) jobsOfCore.set(deps, (jobs = { owner: dialectOf(deps.db).leaseOwner(JOB_ROLE), running: new Map(), failures: new Map() }));
  return jobs;
}

/**
 * Ends the jobs that lost their process, and drops those ended long ago that nobody fetched.
 * This core's own running jobs are alive whatever their row says (a SQLite ticket job writes
 * no heartbeat while it runs). Reads first, so that a call finding nothing to do writes nothing.
 */
async function sweep(deps: CoreDeps, jobs: CoreJobs): Promise<void> {
  const now = deps.clock();
  const silentSince = new Date(now.getTime() - OWNER_GONE_MS).toISOString();
  const silent = (await silentJobIds(deps.db, silentSince)).filter((id) => !jobs.running.has(id));
  if (silent.length > 0) await bookkeeping(() => failSilentJobs(deps.db, silent, silentSince, JSON.stringify(INTERRUPTED), now.toISOString()));
  const endedBefore = new Date(now.getTime() - KEEP_ENDED_MS).toISOString();
  if (await anyEndedBefore(deps.db, endedBefore)) await bookkeeping(() => deleteEndedBefore(deps.db, endedBefore));
  for (const [id, failure] of jobs.failures) if (now.getTime() - failure.at > KEEP_ENDED_MS) jobs.failures.delete(id);
}

/** The error as the row keeps it: what the dispatcher would answer for it. */
function payloadOf(error: unknown): ErrorPayload {
  if (isAppError(error)) return error.toPayload();
  return mapDriverError(error) ?? { code: 'INTERNAL', message: 'Something went wrong inside Portier. The change was not saved.' };
}

/** Jobs of one kind (print jobs, ticket jobs), each started by a staff user and visible to that user only. */
export interface JobRegistry<R> {
  /**
   * Starts `work` in the background for this staff user; answers the job's id once its row is
   * written. `holdsTheConnection`: the work runs in one transaction that holds the database's
   * only connection (a ticket job on SQLite), so nothing may write the row while it runs.
   */
  start(deps: CoreDeps, staffId: number, total: number, work: (steps: JobSteps) => Promise<R>, options?: { holdsTheConnection?: boolean }): Promise<string>;
  /**
   * How far the job is. Once it has ended, its result (or its error, thrown) is handed out once
   * and the job is gone. Another staff user's job does not exist for this one.
   */
  status(deps: CoreDeps, staffId: number, jobId: string): Promise<JobStatus<R>>;
  /** Asks the job to stop at its next checkpoint; false when it has ended or is past its last checkpoint. */
  stop(deps: CoreDeps, staffId: number, jobId: string): Promise<boolean>;
}

/** A registry of background jobs of one kind; notFound is the message for an unknown (or another user's) job. */
export function jobRegistry<R>(kind: JobKind, notFound: string): JobRegistry<R> {
  const missing = () => new AppError('NOT_FOUND', notFound, { fields: { jobId: { code: 'not_found' } } });

  /** This core's running job of this kind, if it is one; another user's is NOT_FOUND. */
  const ownRunning = (deps: CoreDeps, staffId: number, jobId: string): RunningJob | null => {
    const job = jobsOf(deps).running.get(jobId);
    if (!job || job.kind !== kind) return null;
    if (job.staffId !== staffId) throw missing();
    return job;
  };

  /** Writes the job's end to its row (unless another process ended it meanwhile), then forgets it. */
  const settle = (deps: CoreDeps, jobs: CoreJobs, job: RunningJob, outcome: { result: R } | { error: unknown }): Promise<void> => {
    let end: JobEnd;
    if ('result' in outcome) end = { state: 'done', done: job.total, result: deps.secretBox.encrypt(JSON.stringify(outcome.result)), error: null };
    else if (outcome.error instanceof JobStopped) end = { state: 'stopped', done: job.done, result: null, error: null };
    else {
      jobs.failures.set(job.id, { error: outcome.error, at: deps.clock().getTime() });
      end = { state: 'failed', done: job.done, result: null, error: JSON.stringify(payloadOf(outcome.error)) };
    }
    job.close();
    // A failed write leaves the row running without a heartbeat: it ends as interrupted a minute later.
    return bookkeeping(() => endJob(deps.db, job.id, end, deps.clock().toISOString()))
      .then(() => undefined, () => undefined)
      .finally(() => jobs.running.delete(job.id));
  };

  return {
    async start(deps, staffId, total, work, options = {}) {
      const jobs = jobsOf(deps);
      await sweep(deps, jobs);
      const id = randomBytes(18).toString('base64url');
      const at = deps.clock().toISOString();
      await bookkeeping(() =>
        insertJob(deps.db, { id, kind, staff_id: staffId, owner: jobs.owner, total, done: 0, state: 'running', stop_asked: 0, finishing: 0, result: null, error: null, created_at: at, heartbeat_at: at, ended_at: null }),
      );
      const job = new RunningJob(deps, id, kind, staffId, total, options.holdsTheConnection !== true);
      jobs.running.set(id, job);
      // A work that throws before its first await ends the job as failed too, never leaves it running.
      new Promise<R>((resolve) => resolve(work(job.steps))).then(
        (result) => void (job.ending = settle(deps, jobs, job, { result })),
        (error: unknown) => void (job.ending = settle(deps, jobs, job, { error })),
      );
      return id;
    },

    async status(deps, staffId, jobId) {
      const jobs = jobsOf(deps);
      const own = ownRunning(deps, staffId, jobId);
      if (own && !own.ending) return { done: own.done, total: own.total, result: null, stopped: false };
      // Ended here a moment ago: the row has (or is about to have) its end.
      await own?.ending;
      await sweep(deps, jobs);
      const row = await findJob(deps.db, kind, staffId, jobId);
      if (!row) throw missing();
      if (row.state === 'running') return { done: row.done, total: row.total, result: null, stopped: false };
      const ended = await bookkeeping(() => takeEndedJob(deps.db, kind, staffId, jobId));
      // Another call took it between the two statements: it was handed out once, to that one.
      if (!ended) throw missing();
      const failure = jobs.failures.get(jobId);
      jobs.failures.delete(jobId);
      if (ended.state === 'failed') throw failure?.error ?? AppError.fromPayload(JSON.parse(ended.error ?? JSON.stringify(INTERRUPTED)) as ErrorPayload);
      const result = ended.state === 'done' && ended.result !== null ? (JSON.parse(deps.secretBox.decrypt(ended.result)) as R) : null;
      return { done: ended.done, total: ended.total, result, stopped: ended.state === 'stopped' };
    },

    async stop(deps, staffId, jobId) {
      const own = ownRunning(deps, staffId, jobId);
      if (own) {
        if (own.ending || own.finishing) return false;
        own.stopAsked = true;
        return true;
      }
      // A job whose process died is ended first: there is nothing left to stop.
      await sweep(deps, jobsOf(deps));
      if (await bookkeeping(() => askStop(deps.db, kind, staffId, jobId))) return true;
      if (!(await findJob(deps.db, kind, staffId, jobId))) throw missing();
      return false;
    },
  };
}
