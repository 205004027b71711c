import type { ticketRightsApi } from '../../../shared/api/ticket-rights';
import type { ticketViewApi } from '../../../shared/api/ticket-view';
import { actorOf, type Handlers } from '../context';
import { readTicketAccessSettings, updateTicketAccessSettings } from './ticket-access-settings';
import { previewTicketRights } from './ticket-rights-preview';
import { grantTicketRight, listTicketRights, revokeTicketRight } from './ticket-rights-service';
import { explainTicketAs, listTicketsAs, openTicketView, viewingAs } from './ticket-view-service';

export const ticketAccessHandlers: Handlers<keyof typeof ticketRightsApi | keyof typeof ticketViewApi> = {
  'ticket-rights:list': (input, { deps }) => listTicketRights(deps, input),
  'ticket-rights:grant': (input, ctx) => grantTicketRight(ctx.deps, actorOf(ctx), input),
  'ticket-rights:preview': (input, { deps }) => previewTicketRights(deps, input),
  'ticket-rights:revoke': (input, ctx) => revokeTicketRight(ctx.deps, actorOf(ctx), input.id),
  'ticket-rights:get-settings': (_input, { deps }) => readTicketAccessSettings(deps.db),
  'ticket-rights:update-settings': (input, ctx) => updateTicketAccessSettings(ctx.deps, actorOf(ctx), input),
  'ticket-view:open': async (input, ctx) => openTicketView(ctx.deps, await viewingAs(ctx, input.contact)),
  'ticket-view:list': async (input, ctx) => listTicketsAs(ctx.deps, await viewingAs(ctx, input.contact), input),
  'ticket-view:explain': async (input, ctx) => explainTicketAs(ctx.deps, await viewingAs(ctx, input.contact), input.number),
};
