import type { ticketMovesApi } from '../../../shared/api/ticket-moves';
import { actorOf, type Handlers } from '../context';
import { moveTickets, previewTicketMove } from './ticket-move-service';

export const ticketMoveHandlers: Handlers<keyof typeof ticketMovesApi> = {
  'tickets:move-preview': (input, ctx) => previewTicketMove(ctx.deps, input),
  'tickets:move': (input, ctx) => moveTickets(ctx.deps, actorOf(ctx), input),
};
