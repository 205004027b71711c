import type { DocumentFile } from '../../../shared/api/documents';
import type { CoreDeps } from '../context';
import { jobRegistry } from '../jobs/background-jobs';

/** Bulk prints running in the background, so the screen can show how far they are (rows of background_job). */
const printJobs = jobRegistry<DocumentFile>('print', 'This print job does not exist (any more).');

/** Starts `work` in the background for this staff user; it reports progress as it goes. */
export function startPrintJob(deps: CoreDeps, staffId: number, total: number, work: (onProgress: (done: number) => void) => Promise<DocumentFile>): Promise<string> {
  return printJobs.start(deps, staffId, total, (steps) => work(steps.progress));
}

/**
 * How far a job is; once it has ended, its file (or its error) is handed out once and the
 * job is gone. Another staff user's job does not exist for this one.
 */
export async function printJobStatus(deps: CoreDeps, staffId: number, jobId: string): Promise<{ done: number; total: number; file: DocumentFile | null }> {
  const { done, total, result } = await printJobs.status(deps, staffId, jobId);
  return { done, total, file: result };
}
