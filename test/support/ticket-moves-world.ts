import type { Db } from '../../electron/core/db/connection';

const AT = '2026-03-01T09:00:00.000Z';

/** Projects, tasks, tickets, assignments and time entries written straight into the tables, for the ticket-move tests and the benchmark. */
export interface TicketMovesWorld {
  /** A project with one task; internal (no organisation) unless one is given. */
  project(name: string, organisationId?: number | null): Promise<{ projectId: number; taskId: number }>;
  task(projectId: number, name: string): Promise<number>;
  ticket(at: { projectId: number; taskId: number }, title?: string): Promise<number>;
  assignment(ticketId: number, at: { projectId: number; taskId: number | null }, origin?: 'manual' | 'kept_on_move'): Promise<void>;
  entry(ticketId: number, at: { projectId: number; taskId: number | null }, minutes: number, options?: { locked?: boolean }): Promise<number>;
}

export function ticketMovesWorld(db: Db, staffId: number): TicketMovesWorld {
  let lastNumber: number | null = null;
  const task = async (projectId: number, name: string) => {
    const row = await db
      .insertInto('task')
      .values({ project_id: projectId, name, name_key: name.toLowerCase(), created_at: AT, updated_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  return {
    async project(name, organisationId = null) {
      const row = await db
        .insertInto('project')
        .values({ organisation_id: organisationId, name, name_key: name.toLowerCase(), created_at: AT, updated_at: AT })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { projectId: row.id, taskId: await task(row.id, `${name} task`) };
    },
    task,
    async ticket(at, title) {
      if (lastNumber === null) {
        const max = await db.selectFrom('ticket').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
        lastNumber = Math.max(10_000, max?.n ?? 0);
      }
      const number = ++lastNumber;
      const name = title ?? `Ticket ${number}`;
      const row = await db
        .insertInto('ticket')
        .values({ number, title: name, title_key: name.toLowerCase(), description: '', status: 'new', priority: 'normal', project_id: at.projectId, task_id: at.taskId, created_at: AT, updated_at: AT })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async assignment(ticketId, at, origin = 'manual') {
      await db.insertInto('ticket_assignment').values({ ticket_id: ticketId, project_id: at.projectId, task_id: at.taskId, origin, created_at: AT }).execute();
    },
    async entry(ticketId, at, minutes, options = {}) {
      const row = await db
        .insertInto('time_entry')
        .values({
          ticket_id: ticketId,
          project_id: at.projectId,
          task_id: at.taskId,
          staff_id: staffId,
          work_date: '2026-02-27',
          minutes,
          note: '',
          billable: 1,
          locked_at: options.locked ? AT : null,
          created_at: AT,
          updated_at: AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}

/** A ticket with booked time on one project and another project to move it to: a tickets:move input that writes. */
export async function sampleTicketMove(db: Db, staffId: number): Promise<Record<string, unknown>> {
  const world = ticketMovesWorld(db, staffId);
  const from = await world.project('Sample move from');
  const to = await world.project('Sample move to');
  const ticketId = await world.ticket(from);
  await world.entry(ticketId, from, 30);
  await world.entry(ticketId, from, 15, { locked: true });
  return { ticketIds: [ticketId], projectId: to.projectId, taskId: to.taskId, withTime: 'rebook', alwaysKeepOldAsSecondary: false };
}
