import type { Transaction } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import { searchKey } from '../../shared/text-key';
import { withDatabase, type DatabaseTarget } from './database';

/** Writes projects, tasks, tickets and time straight into a running Portier's database, for e2e tests about another screen. */
export interface TicketSeed {
  /** The seed's transaction, for rows the helpers below do not write. */
  db: Transaction<Database>;
  project(organisationId: number | null, name: string): Promise<number>;
  task(projectId: number, name: string): Promise<number>;
  ticket(number: number, title: string, projectId: number, taskId: number): Promise<number>;
  /** Billable minutes booked by the first staff user; `locked` as if invoiced. */
  timeEntry(entry: { ticketId: number; projectId: number; taskId: number; workDate: string; minutes: number; note?: string; locked?: boolean }): Promise<number>;
}

/** Opens the database (SQLite file or PostgreSQL, database.ts), fills it in one transaction, and closes it. */
export async function seedTickets(target: DatabaseTarget, fill: (seed: TicketSeed) => Promise<void>): Promise<void> {
  const now = new Date().toISOString();
  await withDatabase(target, (db) =>
    db.transaction().execute(async (trx) => {
      const firstStaff = async () => (await trx.selectFrom('staff').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      await fill({
        db: trx,
        project: async (organisationId, name) =>
          (await trx.insertInto('project').values({ organisation_id: organisationId, name, name_key: searchKey(name), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id,
        task: async (projectId, name) =>
          (await trx.insertInto('task').values({ project_id: projectId, name, name_key: searchKey(name), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id,
        ticket: async (number, title, projectId, taskId) =>
          (
            await trx
              .insertInto('ticket')
              .values({ number, title, title_key: searchKey(title), description: '', status: 'new', priority: 'normal', project_id: projectId, task_id: taskId, created_at: now, updated_at: now })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        timeEntry: async (e) =>
          (
            await trx
              .insertInto('time_entry')
              .values({
                ticket_id: e.ticketId,
                project_id: e.projectId,
                task_id: e.taskId,
                staff_id: await firstStaff(),
                work_date: e.workDate,
                minutes: e.minutes,
                note: e.note ?? '',
                billable: 1,
                locked_at: e.locked ? now : null,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      });
    }),
  );
}
