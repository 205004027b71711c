import type { Executor } from '../db/connection';
import type { TicketScope } from './ticket-access';
import { ticketVisibleTo } from './ticket-access-repository';

/** Tickets of a preview side: the exact total and the first `limit` of them by number. */
export interface TicketDifference {
  total: number;
  tickets: { number: number; title: string; projectName: string }[];
}

/**
 * The tickets `seeing` sees and `notSeeing` does not, both conditions from THE access function
 * (ticketVisibleTo), so the preview compares the very SQL lists the contact's views are made of.
 */
export async function ticketsSeenOnlyBy(db: Executor, seeing: TicketScope, notSeeing: TicketScope, limit: number): Promise<TicketDifference> {
  const base = db
    .selectFrom('ticket')
    .where(ticketVisibleTo(seeing))
    .where((eb) => eb.not(ticketVisibleTo(notSeeing)(eb)));
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const tickets = await base
    .innerJoin('project', 'project.id', 'ticket.project_id')
    .select(['ticket.number', 'ticket.title', 'project.name as projectName'])
    .orderBy('ticket.number')
    .limit(limit)
    .execute();
  return { total: Number(n), tickets };
}

/** How many tickets the scope's contact sees. */
export async function countVisibleTickets(db: Executor, scope: TicketScope): Promise<number> {
  const { n } = await db.selectFrom('ticket').where(ticketVisibleTo(scope)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
