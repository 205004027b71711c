import { randomBytes } from 'node:crypto';
import type { DocumentFile } from '../../../shared/api/documents';
import { AppError } from '../../../shared/errors';
import type { CoreDeps } from '../context';

/** A bulk print running in the background, so the screen can show how far it is. */
interface PrintJob {
  staffId: number;
  total: number;
  done: number;
  file: DocumentFile | null;
  error: unknown;
  /** Ended jobs nobody fetched are dropped after a while (they hold a file with codes). */
  endedAt: number | null;
}

/** A finished job's file waits this long to be fetched. */
const KEEP_ENDED_MS = 10 * 60_000;

/** Jobs per core (tests open many cores in one process). */
const jobsOf = new WeakMap<CoreDeps, Map<string, PrintJob>>();

function jobs(deps: CoreDeps): Map<string, PrintJob> {
  let map = jobsOf.get(deps);
  if (!map) {
    map = new Map();
    jobsOf.set(deps, map);
  }
  const now = Date.now();
  for (const [id, job] of map) if (job.endedAt !== null && now - job.endedAt > KEEP_ENDED_MS) map.delete(id);
  return map;
}

/** Starts `work` in the background for this staff user; it reports progress as it goes. */
export function startPrintJob(deps: CoreDeps, staffId: number, total: number, work: (onProgress: (done: number) => void) => Promise<DocumentFile>): string {
  const id = randomBytes(18).toString('base64url');
  const job: PrintJob = { staffId, total, done: 0, file: null, error: null, endedAt: null };
  jobs(deps).set(id, job);
  work((done) => (job.done = done)).then(
    (file) => {
      job.file = file;
      job.done = total;
      job.endedAt = Date.now();
    },
    (error: unknown) => {
      job.error = error;
      job.endedAt = Date.now();
    },
  );
  return id;
}

/**
 * How far a job is; once it has ended, its file (or its error) is handed out once and the
 * job is gone. Another staff user's job does not exist for this one.
 */
export function printJobStatus(deps: CoreDeps, staffId: number, jobId: string): { done: number; total: number; file: DocumentFile | null } {
  const map = jobs(deps);
  const job = map.get(jobId);
  if (!job || job.staffId !== staffId) throw new AppError('NOT_FOUND', 'This print job does not exist (any more).', { fields: { jobId: { code: 'not_found' } } });
  if (job.endedAt === null) return { done: job.done, total: job.total, file: null };
  map.delete(jobId);
  if (job.error) throw job.error;
  return { done: job.total, total: job.total, file: job.file };
}
