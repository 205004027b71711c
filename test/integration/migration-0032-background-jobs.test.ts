import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { readSchemaVersion } from '../../electron/core/db/migration';
import { migrateTo, withMigrationDatabase, withPostgresMigrationDatabase } from '../support/migration-database';
import { NO_POSTGRES, postgresAnswers } from '../support/postgres';

let lite: Kysely<unknown>;
withMigrationDatabase('0032', (opened) => (lite = opened));

const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
/** Migrated up to 32; the tests take it further where they need to. */
const postgres = withPostgresMigrationDatabase(32);

const now = '2026-01-01T00:00:00.000Z';

/** A job row of staff user 1 with `values` over the running defaults. */
const job = (db: Kysely<unknown>, id: string, values: Partial<{ kind: string; state: string; ended_at: string | null; stop_asked: number; total: number }> = {}) => {
  const row = { kind: 'print', state: 'running', ended_at: null, stop_asked: 0, total: 3, ...values };
  return sql`INSERT INTO background_job (id, kind, staff_id, owner, total, state, stop_asked, created_at, heartbeat_at, ended_at)
    VALUES (${id}, ${row.kind}, 1, 'back-office', ${row.total}, ${row.state}, ${row.stop_asked}, ${now}, ${now}, ${row.ended_at})`.execute(db);
};

/** What 0032 promises on either database: one row per job id, known kinds and states, an end time exactly when ended, gone with its staff user. */
async function holdsJobs(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO staff (id, name, email, email_key, password_hash, role, created_at, updated_at) VALUES (1, 'A', 'a@x.nl', 'a@x.nl', 'h', 'staff', ${now}, ${now})`.execute(db);
  await job(db, 'job-running');
  await job(db, 'job-done', { state: 'done', ended_at: now });
  expect((await sql<{ done: number; finishing: number; result: string | null }>`SELECT done, finishing, result FROM background_job WHERE id = 'job-running'`.execute(db)).rows).toEqual([{ done: 0, finishing: 0, result: null }]);
  await expect(job(db, 'job-running')).rejects.toThrow(/UNIQUE|unique|duplicate/);
  await expect(job(db, 'job-x', { kind: 'export' })).rejects.toThrow(/CHECK|check/);
  await expect(job(db, 'job-x', { state: 'paused' })).rejects.toThrow(/CHECK|check/);
  await expect(job(db, 'job-x', { stop_asked: 2 })).rejects.toThrow(/CHECK|check/);
  await expect(job(db, 'job-x', { total: -1 })).rejects.toThrow(/CHECK|check/);
  // Running means not ended, and the other way round.
  await expect(job(db, 'job-x', { ended_at: now })).rejects.toThrow(/CHECK|check/);
  await expect(job(db, 'job-x', { state: 'failed' })).rejects.toThrow(/CHECK|check/);
  await expect(sql`INSERT INTO background_job (id, kind, staff_id, owner, total, created_at, heartbeat_at) VALUES ('job-x', 'ticket', 2, 'o', 1, ${now}, ${now})`.execute(db)).rejects.toThrow(/FOREIGN|foreign/);
  await sql`DELETE FROM staff WHERE id = 1`.execute(db);
  expect((await sql`SELECT id FROM background_job`.execute(db)).rows).toEqual([]);
}

it('0032 on SQLite: the background_job table, STRICT, with its rules', async () => {
  await migrateTo(lite, 31);
  await migrateTo(lite, 32);
  expect(await readSchemaVersion(lite)).toBe(32);
  expect((await sql<{ strict: number }>`SELECT strict FROM pragma_table_list WHERE name = 'background_job'`.execute(lite)).rows).toEqual([{ strict: 1 }]);
  await holdsJobs(lite);
});

it.skipIf(!pgUp)(`0032 on PostgreSQL: the same table with the same rules${skip}`, async () => {
  await holdsJobs(postgres.get() as Kysely<unknown>);
});
