import type { portalTicketsApi } from '../../../shared/portal-api/tickets';
import { portalAccountOf, type PortalHandlers } from '../portal-context';
import { getPortalTicket, listPortalTickets, portalTicketOptions } from './portal-ticket-service';
import { answerDoneTicket, commentAsCustomer, createPortalTicket } from './portal-ticket-writes';

export const portalTicketHandlers: PortalHandlers<keyof typeof portalTicketsApi> = {
  'portal-tickets:list': (input, ctx) => listPortalTickets(ctx.deps, portalAccountOf(ctx), input),
  'portal-tickets:options': (_input, ctx) => portalTicketOptions(ctx.deps, portalAccountOf(ctx)),
  'portal-tickets:get': (input, ctx) => getPortalTicket(ctx.deps, portalAccountOf(ctx), input.number),
  'portal-tickets:create': (input, ctx) => createPortalTicket(ctx.deps, portalAccountOf(ctx), input),
  'portal-tickets:comment': (input, ctx) => commentAsCustomer(ctx.deps, portalAccountOf(ctx), input),
  'portal-tickets:accept': (input, ctx) => answerDoneTicket(ctx.deps, portalAccountOf(ctx), { number: input.number, answer: 'accepted' }),
  'portal-tickets:reject': (input, ctx) => answerDoneTicket(ctx.deps, portalAccountOf(ctx), { number: input.number, answer: 'rejected', reason: input.reason }),
};
