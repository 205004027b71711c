import type { Executor } from '../db/connection';
import type { BackgroundJobTable } from '../db/schema';

/** The kinds of job: bulk prints of letters, bulk ticket moves and updates. */
export type JobKind = BackgroundJobTable['kind'];

/** How a job ended: its state and what it leaves to be handed out (result sealed, error as payload JSON). */
export interface JobEnd {
  state: 'done' | 'failed' | 'stopped';
  done: number;
  result: string | null;
  error: string | null;
}

export async function insertJob(db: Executor, row: BackgroundJobTable): Promise<void> {
  await db.insertInto('background_job').values(row).execute();
}

/**
 * The running process's word that it still runs the job, with how far it is; answers whether a
 * stop was asked for, or nothing when the job is no longer running (another process found it
 * without a heartbeat and ended it).
 */
export async function touchJob(db: Executor, id: string, done: number, at: string): Promise<{ stop_asked: number } | undefined> {
  return db.updateTable('background_job').set({ done, heartbeat_at: at }).where('id', '=', id).where('state', '=', 'running').returning('stop_asked').executeTakeFirst();
}

/** The work passes its last checkpoint, unless a stop was asked for (or the job is no longer running): true when it may go on. */
export async function claimFinishing(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .updateTable('background_job')
    .set({ finishing: 1 })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('stop_asked', '=', 0)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the job still runs and a stop was asked for (after claimFinishing said no: which of the two?). */
export async function findJobState(db: Executor, id: string): Promise<Pick<BackgroundJobTable, 'state' | 'stop_asked'> | undefined> {
  return db.selectFrom('background_job').select(['state', 'stop_asked']).where('id', '=', id).executeTakeFirst();
}

/** Ends a running job; false when it had ended already (another process found it without a heartbeat). */
export async function endJob(db: Executor, id: string, end: JobEnd, at: string): Promise<boolean> {
  const result = await db
    .updateTable('background_job')
    .set({ ...end, ended_at: at, heartbeat_at: at })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Asks this staff user's running job to stop; false when it has ended or is past its last checkpoint (or is none). */
export async function askStop(db: Executor, kind: JobKind, staffId: number, id: string): Promise<boolean> {
  const result = await db
    .updateTable('background_job')
    .set({ stop_asked: 1 })
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('staff_id', '=', staffId)
    .where('state', '=', 'running')
    .where('finishing', '=', 0)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** This staff user's job of this kind: how far it is and whether it runs. */
export async function findJob(db: Executor, kind: JobKind, staffId: number, id: string): Promise<Pick<BackgroundJobTable, 'state' | 'done' | 'total'> | undefined> {
  return db.selectFrom('background_job').select(['state', 'done', 'total']).where('id', '=', id).where('kind', '=', kind).where('staff_id', '=', staffId).executeTakeFirst();
}

/** Takes an ended job out of the table, with its result or error: of two callers at once, one gets it. */
export async function takeEndedJob(
  db: Executor,
  kind: JobKind,
  staffId: number,
  id: string,
): Promise<Pick<BackgroundJobTable, 'state' | 'done' | 'total' | 'result' | 'error'> | undefined> {
  return db
    .deleteFrom('background_job')
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('staff_id', '=', staffId)
    .where('state', '!=', 'running')
    .returning(['state', 'done', 'total', 'result', 'error'])
    .executeTakeFirst();
}

/** Running jobs whose process said nothing since `before`. */
export async function silentJobIds(db: Executor, before: string): Promise<string[]> {
  const rows = await db.selectFrom('background_job').select('id').where('state', '=', 'running').where('heartbeat_at', '<', before).execute();
  return rows.map((r) => r.id);
}

/** Ends the jobs `ids` as failed with `error`, those still running and still silent since `before`. */
export async function failSilentJobs(db: Executor, ids: readonly string[], before: string, error: string, at: string): Promise<void> {
  await db
    .updateTable('background_job')
    .set({ state: 'failed', error, ended_at: at })
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', before)
    .execute();
}

/** Whether a job ended before `before` and was never fetched. */
export async function anyEndedBefore(db: Executor, before: string): Promise<boolean> {
  const row = await db.selectFrom('background_job').select('id').where('ended_at', '<', before).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Drops the jobs that ended before `before` and were never fetched (a print job's file holds activation codes). */
export async function deleteEndedBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('background_job').where('ended_at', '<', before).execute();
}
