import type { ticketCategoriesApi, ticketsApi, timeEntriesApi } from '../../../shared/api/tickets';
import { actorOf, type Handlers } from '../context';
import { archiveCategory, createCategory, listCategories, updateCategory } from './category-service';
import { addAssignment, commentOnTicket, removeAssignment, ticketHistory } from './ticket-activity-service';
import { listContactOptions } from './ticket-contact-service';
import { listTickets } from './ticket-list-repository';
import { createTicket, getTicket, updateTicket } from './ticket-service';
import { bookTime, deleteTime, lockTime, updateTime } from './time-entry-service';

type Channel = keyof typeof ticketCategoriesApi | keyof typeof ticketsApi | keyof typeof timeEntriesApi;

export const ticketHandlers: Handlers<Channel> = {
  'ticket-categories:list': (input, { deps }) => listCategories(deps, input),
  'ticket-categories:create': (input, ctx) => createCategory(ctx.deps, actorOf(ctx), input),
  'ticket-categories:update': (input, ctx) => updateCategory(ctx.deps, actorOf(ctx), input),
  'ticket-categories:archive': (input, ctx) => archiveCategory(ctx.deps, actorOf(ctx), input.id),
  'tickets:list': (input, { deps }) => listTickets(deps.db, input),
  'tickets:get': (input, { deps }) => getTicket(deps, input.id),
  'tickets:create': (input, ctx) => createTicket(ctx.deps, actorOf(ctx), input),
  'tickets:update': (input, ctx) => updateTicket(ctx.deps, actorOf(ctx), input),
  'tickets:contact-options': (input, { deps }) => listContactOptions(deps, input),
  'tickets:comment': (input, ctx) => commentOnTicket(ctx.deps, actorOf(ctx), input),
  'tickets:history': (input, { deps }) => ticketHistory(deps, input),
  'tickets:add-assignment': (input, ctx) => addAssignment(ctx.deps, actorOf(ctx), input),
  'tickets:remove-assignment': (input, ctx) => removeAssignment(ctx.deps, actorOf(ctx), input),
  'time-entries:book': (input, ctx) => bookTime(ctx.deps, actorOf(ctx), input),
  'time-entries:update': (input, ctx) => updateTime(ctx.deps, actorOf(ctx), input),
  'time-entries:delete': (input, ctx) => deleteTime(ctx.deps, actorOf(ctx), input.id),
  'time-entries:lock': (input, ctx) => lockTime(ctx.deps, actorOf(ctx), input.ids),
};
