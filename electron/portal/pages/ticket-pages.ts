import type { FastifyInstance } from 'fastify';
import type { PortalKit } from '../portal-kit';

/**
 * The customer's tickets. This first version shows only who is signed in; the list, the ticket
 * page and new tickets (through the same access function as "view as contact") come with the
 * portal's ticket channels.
 */
export function registerTicketPages(app: FastifyInstance, kit: PortalKit): void {
  app.get('/tickets', async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    return kit.page(request, reply, 'tickets', { title: 'layout.myTickets', section: 'tickets' });
  });
}
