import type { FastifyInstance } from 'fastify';
import type { PortalKit } from '../portal-kit';
import { registerNewTicket } from './new-ticket-page';
import { registerTicketDetail } from './ticket-detail-page';
import { registerTicketList } from './ticket-list-page';

/**
 * The customer's tickets (issue 12, point 7): the list, one ticket with its comments and
 * answers, and a new ticket. Every page calls the portal's ticket channels, which see through
 * the same access function as "view as contact"; the pages decide nothing about access.
 */
export function registerTicketPages(app: FastifyInstance, kit: PortalKit): void {
  registerTicketList(app, kit);
  registerNewTicket(app, kit);
  registerTicketDetail(app, kit);
}
