import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../db/connection';
import { personNameSql } from '../tickets/ticket-repository';
import { sqlFor } from '../db/dialect/of-database';

/*
 * The SQL of moving tickets to another primary project. A move is one chunk of up to 10,000
 * tickets: every statement here takes the whole chunk at once (ids as one JSON parameter, read
 * through json_each), so a chunk costs a handful of statements, not a few per ticket.
 */


export interface ProjectRow {
  id: number;
  name: string;
  archived: boolean;
}

export interface TaskRow extends ProjectRow {
  projectId: number;
}

/** A project a move goes to, with its customer: null for an internal project (no organisation, or one flagged internal). */
export interface TargetProjectRow extends ProjectRow {
  customerId: number | null;
}

export async function findProjectRow(db: Executor, id: number): Promise<TargetProjectRow | undefined> {
  const row = await db
    .selectFrom('project as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'p.archived_at', 'p.organisation_id', 'o.internal'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, archived: row.archived_at !== null, customerId: row.internal === 1 ? null : row.organisation_id };
}

export async function findTaskRow(db: Executor, id: number): Promise<TaskRow | undefined> {
  const row = await db.selectFrom('task').select(['id', 'project_id', 'name', 'archived_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, projectId: row.project_id, name: row.name, archived: row.archived_at !== null };
}

/** A ticket as a move sees it: where it is now, and the time booked on that primary project. */
export interface TicketToMove {
  id: number;
  number: number;
  title: string;
  projectId: number;
  projectName: string;
  taskId: number;
  taskName: string;
  unlockedEntries: number;
  unlockedMinutes: number;
  lockedEntries: number;
  lockedMinutes: number;
  /** A secondary assignment on the primary project and task exists already (so none is added). */
  primaryAlsoSecondary: boolean;
  /** The ticket's contact person, if it has one. */
  contact: { personId: number; name: string; organisationName: string } | null;
}

/**
 * The tickets of the chunk that exist, with the time on their primary project (entries on a
 * secondary assignment are left out: a move never touches them). time_entry_ticket serves the
 * sums, ticket_assignment_unique the assignment check.
 */
export async function ticketsToMove(db: Executor, ids: readonly number[]): Promise<TicketToMove[]> {
  const tickets = await db
    .selectFrom('ticket as t')
    .innerJoin('project as p', 'p.id', 't.project_id')
    .innerJoin('task as k', 'k.id', 't.task_id')
    .leftJoin('person as c', 'c.id', 't.contact_person_id')
    .leftJoin('organisation as co', 'co.id', 'c.organisation_id')
    .where(sqlFor(db).idsIn('t.id', ids))
    .select([
      't.contact_person_id',
      personNameSql('c').as('contact_name'),
      'co.name as contact_organisation_name',
      't.id',
      't.number',
      't.title',
      't.project_id',
      'p.name as project_name',
      't.task_id',
      'k.name as task_name',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('ticket_assignment as a')
              .select('a.id')
              .whereRef('a.ticket_id', '=', 't.id')
              .whereRef('a.project_id', '=', 't.project_id')
              // Written as ticket_assignment_unique's expression, so that index answers it: on
              // ticket_assignment_project SQLite walked every assignment of the project.
              .where(sql<SqlBool>`${sqlFor(db).ifNull(sql.ref('a.task_id'), sql.lit(0))} = t.task_id`),
          )
          .as('primary_also_secondary'),
    ])
    .execute();
  // Time on the primary project per ticket (time_entry_ticket finds a ticket's entries).
  const times = await db
    .selectFrom('time_entry as e')
    .innerJoin('ticket as t', (join) => join.onRef('t.id', '=', 'e.ticket_id').onRef('t.project_id', '=', 'e.project_id'))
    .where(sqlFor(db).idsIn('e.ticket_id', ids))
    .groupBy('e.ticket_id')
    .select([
      'e.ticket_id',
      sql<number>`count(*) FILTER (WHERE e.locked_at IS NULL)`.as('unlocked_entries'),
      sql<number>`coalesce(sum(CASE WHEN e.locked_at IS NULL THEN e.minutes END), 0)`.as('unlocked_minutes'),
      sql<number>`count(*) FILTER (WHERE e.locked_at IS NOT NULL)`.as('locked_entries'),
      sql<number>`coalesce(sum(CASE WHEN e.locked_at IS NOT NULL THEN e.minutes END), 0)`.as('locked_minutes'),
    ])
    .execute();
  const timeOf = new Map(times.map((r) => [r.ticket_id, r]));
  return tickets.map((r) => {
    const time = timeOf.get(r.id);
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      projectId: r.project_id,
      projectName: r.project_name,
      taskId: r.task_id,
      taskName: r.task_name,
      unlockedEntries: Number(time?.unlocked_entries ?? 0),
      unlockedMinutes: Number(time?.unlocked_minutes ?? 0),
      lockedEntries: Number(time?.locked_entries ?? 0),
      lockedMinutes: Number(time?.locked_minutes ?? 0),
      primaryAlsoSecondary: Boolean(r.primary_also_secondary),
      contact: r.contact_person_id === null ? null : { personId: r.contact_person_id, name: r.contact_name, organisationName: r.contact_organisation_name ?? '' },
    };
  });
}

/**
 * Moves the unlocked entries that lie on each ticket's CURRENT primary project to the new one:
 * run it before the tickets themselves move. Locked entries and those on secondary assignments stay.
 */
export async function rebookUnlockedEntries(trx: Executor, ticketIds: readonly number[], projectId: number, taskId: number, now: string): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const result = await trx
    .updateTable('time_entry')
    .set({ project_id: projectId, task_id: taskId, updated_at: now })
    .where(sqlFor(trx).idsIn('ticket_id', ticketIds))
    .where('locked_at', 'is', null)
    .where((eb) => eb('project_id', '=', eb.selectFrom('ticket').select('ticket.project_id').whereRef('ticket.id', '=', 'time_entry.ticket_id')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface KeptAssignment {
  ticketId: number;
  projectId: number;
  taskId: number;
}

/** Adds the old primary projects as secondary assignments (origin kept_on_move); one that exists already is left as it is. */
export async function addKeptAssignments(trx: Executor, assignments: readonly KeptAssignment[], now: string): Promise<void> {
  if (assignments.length === 0) return;
  const json = JSON.stringify(assignments.map((a) => [a.ticketId, a.projectId, a.taskId]));
  await sql`
    INSERT INTO ticket_assignment (ticket_id, project_id, task_id, origin, created_at)
    SELECT CAST(value ->> 0 AS integer), CAST(value ->> 1 AS integer), CAST(value ->> 2 AS integer), 'kept_on_move', ${sqlFor(trx).instant(sql`${now}`)}
    FROM ${sqlFor(trx).jsonElements(json)} WHERE true
    ON CONFLICT DO NOTHING`.execute(trx);
}

/** Takes the contact person off the tickets. */
export async function removeContacts(trx: Executor, ticketIds: readonly number[], now: string): Promise<void> {
  if (ticketIds.length === 0) return;
  await trx.updateTable('ticket').set({ contact_person_id: null, updated_at: now }).where(sqlFor(trx).idsIn('id', ticketIds)).execute();
}

/** Sets the primary project and task of the tickets. */
export async function setPrimaryProject(trx: Executor, ticketIds: readonly number[], projectId: number, taskId: number, now: string): Promise<void> {
  if (ticketIds.length === 0) return;
  await trx.updateTable('ticket').set({ project_id: projectId, task_id: taskId, updated_at: now }).where(sqlFor(trx).idsIn('id', ticketIds)).execute();
}
