import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Print jobs and bulk ticket jobs in the database (issue 13, point 3), so that in a shared office
 * a status or stop call answered by another process (or another core) sees the job, and a job
 * whose process died ends instead of running forever (electron/core/jobs/).
 *
 * - `owner`: the process that runs the job (the dialect's lease owner); `heartbeat_at`: when that
 *   process last said it still runs it. A running job without a heartbeat for a minute ends as
 *   failed, "interrupted".
 * - `stop_asked` / `finishing`: a stop is asked for; the work is past its last checkpoint (a stop
 *   asked for then is refused). One row, so the two exclude each other whoever writes them.
 * - `result`: the job's result as JSON, sealed by the core's secret box (a print job's file holds
 *   activation codes); `error`: the AppError payload as JSON. Both handed out once, with the row.
 * - Flags INTEGER 0/1 and times ISO TEXT, as the rest of the schema was when it was written; on
 *   PostgreSQL 0033 makes them boolean and timestamptz with the others.
 */
const table = (types: { text: string; integer: string }) => sql.raw(`
  CREATE TABLE background_job (
    id ${types.text} PRIMARY KEY,
    kind ${types.text} NOT NULL CHECK (kind IN ('print', 'ticket')),
    staff_id ${types.integer} NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    owner ${types.text} NOT NULL,
    total ${types.integer} NOT NULL CHECK (total >= 0),
    done ${types.integer} NOT NULL DEFAULT 0 CHECK (done >= 0),
    state ${types.text} NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed', 'stopped')),
    stop_asked ${types.integer} NOT NULL DEFAULT 0 CHECK (stop_asked IN (0, 1)),
    finishing ${types.integer} NOT NULL DEFAULT 0 CHECK (finishing IN (0, 1)),
    result ${types.text},
    error ${types.text},
    created_at ${types.text} NOT NULL,
    heartbeat_at ${types.text} NOT NULL,
    ended_at ${types.text},
    CHECK ((state = 'running') = (ended_at IS NULL))
  )`);

/** Running jobs by heartbeat (who died?), ended ones by end (who was never fetched?), a staff user's jobs. */
const indexes = [
  `CREATE INDEX background_job_heartbeat ON background_job (state, heartbeat_at)`,
  `CREATE INDEX background_job_ended ON background_job (ended_at) WHERE ended_at IS NOT NULL`,
  `CREATE INDEX background_job_staff ON background_job (staff_id)`,
];

export const migration0032: Migration = {
  version: 32,
  name: 'background-jobs',
  async up(db: Kysely<unknown>) {
    await sql`${table({ text: 'TEXT', integer: 'INTEGER' })} STRICT`.execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`${table({ text: 'text', integer: 'integer' })}`.execute(db);
    for (const index of indexes) await sql.raw(index).execute(db);
  },
};
