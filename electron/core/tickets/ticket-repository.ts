import { sql, type Insertable, type Updateable } from 'kysely';
import type { TicketRow } from '../../../shared/api/tickets';
import { FIRST_TICKET_NUMBER, formatTicketNumber } from '../../../shared/ticket-number';
import type { Executor } from '../db/connection';
import type { TicketTable } from '../db/schema';

interface TicketView {
  id: number;
  number: number;
  title: string;
  status: TicketRow['status'];
  priority: TicketRow['priority'];
  project_id: number;
  project_name: string;
  task_id: number;
  task_name: string;
  organisation_id: number | null;
  organisation_name: string | null;
  assignee_staff_id: number | null;
  assignee_name: string | null;
  contact_person_id: number | null;
  contact_name: string | null;
  created_at: string;
  updated_at: string;
}

const viewToRow = (v: TicketView): TicketRow => ({
  id: v.id,
  number: v.number,
  reference: formatTicketNumber(v.number),
  title: v.title,
  status: v.status,
  priority: v.priority,
  projectId: v.project_id,
  projectName: v.project_name,
  taskId: v.task_id,
  taskName: v.task_name,
  organisationId: v.organisation_id,
  organisationName: v.organisation_name,
  assigneeId: v.assignee_staff_id,
  assigneeName: v.assignee_name,
  contactPersonId: v.contact_person_id,
  contactName: v.contact_name,
  createdAt: v.created_at,
  updatedAt: v.updated_at,
});

/** A person's name as lists show it: "first last", or the last name alone. */
export const personNameSql = (alias: string) => sql<string>`trim(coalesce(${sql.ref(`${alias}.first_name`)}, '') || ' ' || ${sql.ref(`${alias}.last_name`)})`;

function selectViews(db: Executor) {
  return db
    .selectFrom('ticket as t')
    .innerJoin('project as p', 'p.id', 't.project_id')
    .innerJoin('task as k', 'k.id', 't.task_id')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('staff as s', 's.id', 't.assignee_staff_id')
    .leftJoin('person as c', 'c.id', 't.contact_person_id')
    .select([
      't.id',
      't.number',
      't.title',
      't.status',
      't.priority',
      't.project_id',
      'p.name as project_name',
      't.task_id',
      'k.name as task_name',
      'p.organisation_id',
      'o.name as organisation_name',
      't.assignee_staff_id',
      's.name as assignee_name',
      't.contact_person_id',
      personNameSql('c').as('contact_name'),
      't.created_at',
      't.updated_at',
    ]);
}

/** The rows of these tickets, in the order of IDS (a page of the list). */
export async function ticketRowsByIds(db: Executor, ids: readonly number[]): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  const order = new Map(ids.map((id, i) => [id, i]));
  const rows = (await selectViews(db).where('t.id', 'in', ids).execute()) as TicketView[];
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return rows.map(viewToRow);
}

export async function findTicketRow(db: Executor, id: number): Promise<TicketRow | undefined> {
  return (await ticketRowsByIds(db, [id]))[0];
}

/** What the ticket page shows beside its row. */
export async function findTicketExtras(db: Executor, id: number) {
  return db
    .selectFrom('ticket as t')
    .leftJoin('staff as s', 's.id', 't.created_by_staff_id')
    .select(['t.description', 't.created_by_staff_id', 's.name as created_by_staff_name', 't.created_by_account_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/**
 * The next free number: one above the highest, from 10001 up. Called inside the transaction
 * that inserts the ticket; the UNIQUE index on number backs it up, and Portier's transactions
 * begin IMMEDIATE on SQLite and run SERIALIZABLE on PostgreSQL (retried when two overlap), so two
 * writers never both keep the same highest number.
 */
export async function nextTicketNumber(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.max('number').as('n'))
    .executeTakeFirst();
  const highest = row?.n ?? null;
  return highest === null ? FIRST_TICKET_NUMBER : Math.max(Number(highest) + 1, FIRST_TICKET_NUMBER);
}

export async function insertTicket(db: Executor, row: Insertable<TicketTable>): Promise<number> {
  const { id } = await db.insertInto('ticket').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateTicketRow(db: Executor, id: number, changes: Updateable<TicketTable>): Promise<void> {
  await db.updateTable('ticket').set(changes).where('id', '=', id).execute();
}

/** The ticket's categories, with their names. */
export async function ticketCategoryRows(db: Executor, ticketId: number) {
  return db
    .selectFrom('ticket_category_link as l')
    .innerJoin('ticket_category as c', 'c.id', 'l.category_id')
    .select(['c.id', 'c.name_en', 'c.name_nl', 'c.name_de', 'c.archived_at'])
    .where('l.ticket_id', '=', ticketId)
    .orderBy('c.name_en')
    .orderBy('c.id')
    .execute();
}

export async function setTicketCategories(db: Executor, ticketId: number, categoryIds: readonly number[]): Promise<void> {
  await db.deleteFrom('ticket_category_link').where('ticket_id', '=', ticketId).execute();
  if (categoryIds.length > 0) {
    await db
      .insertInto('ticket_category_link')
      .values(categoryIds.map((category_id) => ({ ticket_id: ticketId, category_id })))
      .execute();
  }
}

export async function staffExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('staff').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function personExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The ticket's id by its number (T-10234), or undefined. */
export async function ticketIdByNumber(db: Executor, number: number): Promise<number | undefined> {
  return (await db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirst())?.id;
}
