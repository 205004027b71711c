import path from 'node:path';
import Database from 'better-sqlite3';
import { searchKey } from '../../shared/text-key';

/** Writes projects, tasks, tickets and time straight into a data dir's database, for e2e tests about another screen. */
export interface TicketSeed {
  db: Database.Database;
  project(organisationId: number | null, name: string): number;
  task(projectId: number, name: string): number;
  ticket(number: number, title: string, projectId: number, taskId: number): number;
  /** Billable minutes booked by the first staff user; `locked` as if invoiced. */
  timeEntry(entry: { ticketId: number; projectId: number; taskId: number; workDate: string; minutes: number; note?: string; locked?: boolean }): number;
}

/** Opens the data dir's database, fills it in one transaction, and closes it. */
export function seedTickets(dataDir: string, fill: (seed: TicketSeed) => void): void {
  const db = new Database(path.join(dataDir, 'portier.sqlite'), { fileMustExist: true });
  try {
    const now = new Date().toISOString();
    const id = (result: Database.RunResult) => Number(result.lastInsertRowid);
    const project = db.prepare('INSERT INTO project (organisation_id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const task = db.prepare('INSERT INTO task (project_id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const ticket = db.prepare('INSERT INTO ticket (number, title, title_key, project_id, task_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const entry = db.prepare(
      'INSERT INTO time_entry (ticket_id, project_id, task_id, staff_id, work_date, minutes, note, billable, locked_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
    );
    const firstStaff = () => (db.prepare('SELECT id FROM staff ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.transaction(() =>
      fill({
        db,
        project: (organisationId, name) => id(project.run(organisationId, name, searchKey(name), now, now)),
        task: (projectId, name) => id(task.run(projectId, name, searchKey(name), now, now)),
        ticket: (number, title, projectId, taskId) => id(ticket.run(number, title, searchKey(title), projectId, taskId, now, now)),
        timeEntry: (e) => id(entry.run(e.ticketId, e.projectId, e.taskId, firstStaff(), e.workDate, e.minutes, e.note ?? '', e.locked ? now : null, now, now)),
      }),
    )();
  } finally {
    db.close();
  }
}
