import type { ticketBulkApi } from '../../../shared/api/ticket-bulk';
import { actorOf, type Handlers } from '../context';
import { bulkUpdateTickets } from './ticket-bulk-service';

export const ticketBulkHandlers: Handlers<keyof typeof ticketBulkApi> = {
  'tickets:bulk-update': (input, ctx) => bulkUpdateTickets(ctx.deps, actorOf(ctx), input),
};
