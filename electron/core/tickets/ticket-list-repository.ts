import { sql, type SqlBool } from 'kysely';
import type { TicketListQuery, TicketRow } from '../../../shared/api/tickets';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../shared/api/tickets';
import { ticketNumberDigits } from '../../../shared/ticket-number';
import type { Executor } from '../db/connection';
import { containsKey } from '../db/text-search';
import { ticketRowsByIds } from './ticket-repository';
import { sqlFor } from '../db/dialect/of-database';

/** A CASE that ranks the values in the order given (workflow order for status, urgency for priority). */
const rankOf = (column: string, values: readonly string[]) =>
  sql<number>`CASE ${sql.ref(column)} ${sql.join(
    values.map((value, i) => sql`WHEN ${sql.lit(value)} THEN ${sql.lit(i)}`),
    sql` `,
  )} END`;

const SORTS = {
  number: sql<number>`t.number`,
  updated: sql<string>`t.updated_at`,
  priority: rankOf('t.priority', TICKET_PRIORITIES),
  status: rankOf('t.status', TICKET_STATUSES),
} as const;

function filteredTickets(db: Executor, q: Omit<TicketListQuery, 'offset' | 'limit'>) {
  let filtered = db.selectFrom('ticket as t');
  if (q.projectId !== undefined) filtered = filtered.where('t.project_id', '=', q.projectId);
  if (q.taskId !== undefined) filtered = filtered.where('t.task_id', '=', q.taskId);
  if (q.status && q.status.length > 0) filtered = filtered.where('t.status', 'in', q.status);
  if (q.priority && q.priority.length > 0) filtered = filtered.where('t.priority', 'in', q.priority);
  if (q.assigneeId === null) filtered = filtered.where('t.assignee_staff_id', 'is', null);
  else if (q.assigneeId !== undefined) filtered = filtered.where('t.assignee_staff_id', '=', q.assigneeId);
  if (q.contactPersonId !== undefined) filtered = filtered.where('t.contact_person_id', '=', q.contactPersonId);
  const { organisationId, categoryId } = q;
  if (organisationId !== undefined) {
    filtered = filtered.where('t.project_id', 'in', (eb) => eb.selectFrom('project').select('id').where('organisation_id', '=', organisationId));
  }
  if (categoryId !== undefined) {
    filtered = filtered.where(({ exists, selectFrom }) =>
      exists(selectFrom('ticket_category_link as l').select('l.ticket_id').whereRef('l.ticket_id', '=', 't.id').where('l.category_id', '=', categoryId)),
    );
  }
  if (q.search) {
    // Title by its folded key (accents ignored); a number typed as 10234 or T-10234 finds the ticket too.
    const digits = ticketNumberDigits(q.search);
    const title = containsKey(db, 't.title_key', q.search);
    filtered = filtered.where(digits === null ? title : sql<SqlBool>`(${title} OR ${sqlFor(db).includes(sqlFor(db).integerText(sql.ref('t.number')), digits)})`);
  }
  return filtered;
}

/** One page of the staff list, sorted and paged in SQL, then joined for that page only; with the total. */
export async function listTickets(db: Executor, q: TicketListQuery): Promise<{ rows: TicketRow[]; total: number }> {
  const filtered = filteredTickets(db, q);
  const [pageIds, count] = await Promise.all([
    filtered.select('t.id').orderBy(SORTS[q.sort], q.direction).orderBy('t.number', q.direction).limit(q.limit).offset(q.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await ticketRowsByIds(db, pageIds.map((r) => r.id)), total: Number(count.n) };
}

/**
 * The ids of every ticket the staff list's filter shows, less EXCEPT, in the list's order, at
 * most LIMIT of them: one query with the very conditions of listTickets (a bulk action on
 * "everything the filter shows" takes what the list shows, nothing else).
 */
export async function ticketIdsMatching(db: Executor, q: Omit<TicketListQuery, 'offset' | 'limit'>, except: readonly number[], limit: number): Promise<number[]> {
  let filtered = filteredTickets(db, q);
  if (except.length > 0) filtered = filtered.where(sql<SqlBool>`t.id NOT IN (${sqlFor(db).integers(except)})`);
  const rows = await filtered.select('t.id').orderBy(SORTS[q.sort], q.direction).orderBy('t.number', q.direction).limit(limit).execute();
  return rows.map((r) => r.id);
}
