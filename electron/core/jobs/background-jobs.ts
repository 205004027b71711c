import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { CoreDeps } from '../context';

/** What a job's work is handed: how it reports progress and learns that it is asked to stop. */
export interface JobSteps {
  /** How many of the total are done now. */
  progress(done: number): void;
  /**
   * Throws JobStopped when a stop was asked for. With last = true it is the work's last chance
   * to stop: a stop asked for after it is refused (the work is committing its result).
   */
  checkpoint(options?: { last?: boolean }): void;
}

/** Thrown by checkpoint() after a stop was asked for; the job then ends as stopped. */
export class JobStopped extends Error {
  constructor() {
    super('The job was stopped.');
  }
}

/** How far a job is; result once it has ended (null while it runs, and for a stopped job). */
export interface JobStatus<R> {
  done: number;
  total: number;
  result: R | null;
  stopped: boolean;
}

interface Job<R> {
  staffId: number;
  total: number;
  done: number;
  result: R | null;
  error: unknown;
  stopped: boolean;
  stopAsked: boolean;
  /** Past its last checkpoint: a stop asked for now comes too late. */
  finishing: boolean;
  /** Ended jobs nobody fetched are dropped after a while (a print job's file holds activation codes). */
  endedAt: number | null;
}

/** A job's result (or error) waits this long to be fetched. */
const KEEP_ENDED_MS = 10 * 60_000;

/** Jobs of one kind (print jobs, ticket jobs), each started by a staff user and visible to that user only. */
export interface JobRegistry<R> {
  /** Starts `work` in the background for this staff user; answers the job's id at once. */
  start(deps: CoreDeps, staffId: number, total: number, work: (steps: JobSteps) => Promise<R>): string;
  /**
   * How far the job is. Once it has ended, its result (or its error, thrown) is handed out once
   * and the job is gone. Another staff user's job does not exist for this one.
   */
  status(deps: CoreDeps, staffId: number, jobId: string): JobStatus<R>;
  /** Asks the job to stop at its next checkpoint; false when it has ended or is past its last checkpoint. */
  stop(deps: CoreDeps, staffId: number, jobId: string): boolean;
}

/** A registry of background jobs; notFound is the message for an unknown (or another user's) job. */
export function jobRegistry<R>(notFound: string): JobRegistry<R> {
  /** Jobs per core (tests open many cores in one process). */
  const jobsOf = new WeakMap<CoreDeps, Map<string, Job<R>>>();

  const jobs = (deps: CoreDeps): Map<string, Job<R>> => {
    let map = jobsOf.get(deps);
    if (!map) jobsOf.set(deps, (map = new Map()));
    const now = Date.now();
    for (const [id, job] of map) if (job.endedAt !== null && now - job.endedAt > KEEP_ENDED_MS) map.delete(id);
    return map;
  };

  const find = (deps: CoreDeps, staffId: number, jobId: string): Job<R> => {
    const job = jobs(deps).get(jobId);
    if (!job || job.staffId !== staffId) throw new AppError('NOT_FOUND', notFound, { fields: { jobId: { code: 'not_found' } } });
    return job;
  };

  return {
    start(deps, staffId, total, work) {
      const id = randomBytes(18).toString('base64url');
      const job: Job<R> = { staffId, total, done: 0, result: null, error: null, stopped: false, stopAsked: false, finishing: false, endedAt: null };
      jobs(deps).set(id, job);
      const steps: JobSteps = {
        progress: (done) => void (job.done = done),
        checkpoint: (options = {}) => {
          if (job.stopAsked) throw new JobStopped();
          if (options.last) job.finishing = true;
        },
      };
      work(steps).then(
        (result) => {
          job.result = result;
          job.done = total;
          job.endedAt = Date.now();
        },
        (error: unknown) => {
          if (error instanceof JobStopped) job.stopped = true;
          else job.error = error;
          job.endedAt = Date.now();
        },
      );
      return id;
    },

    status(deps, staffId, jobId) {
      const job = find(deps, staffId, jobId);
      if (job.endedAt === null) return { done: job.done, total: job.total, result: null, stopped: false };
      jobs(deps).delete(jobId);
      if (job.error) throw job.error;
      return { done: job.done, total: job.total, result: job.result, stopped: job.stopped };
    },

    stop(deps, staffId, jobId) {
      const job = find(deps, staffId, jobId);
      if (job.endedAt !== null || job.finishing) return false;
      job.stopAsked = true;
      return true;
    },
  };
}
