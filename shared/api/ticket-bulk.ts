import { z } from 'zod';
import { channel } from '../contract';
import { Id } from './common';
import { TicketListQuery, TicketPriority, TicketStatus } from './tickets';
import { TicketViewQuery, ViewContact } from './ticket-view';

/** Most tickets one bulk call takes (by ids, or what a filter resolves to). */
export const MAX_BULK_TICKETS = 10_000;
/**
 * Tickets changed per step of a bulk action: the whole action is one transaction, and between
 * its steps the job reports how far it is and yields, so status and stop calls are answered.
 */
export const BULK_CHUNK_SIZE = 500;

/** The staff list's filter (tickets:list without offset/limit): "everything the filter shows". */
export const TicketFilter = TicketListQuery.omit({ offset: true, limit: true });
export type TicketFilter = z.output<typeof TicketFilter>;

/** The view-as list's filter (ticket-view:list without contact, offset and limit). */
export const ViewAsTicketFilter = TicketViewQuery.omit({ contact: true, offset: true, limit: true });
export type ViewAsTicketFilter = z.output<typeof ViewAsTicketFilter>;

/** "Everything the filter shows" in the view-as list: the contact's tickets (THE access function) matching its filter. */
export const ViewAsTarget = z.strictObject({ contact: ViewContact, filter: ViewAsTicketFilter });
export type ViewAsTarget = z.output<typeof ViewAsTarget>;

/**
 * Which tickets a bulk action takes: a selection (ticketIds), everything the staff list's
 * filter shows (filter) or everything the view-as list shows (viewAs), less exceptIds (rows
 * unticked after "select all").
 */
export const ticketTargetFields = {
  ticketIds: z.array(Id).min(1).max(MAX_BULK_TICKETS).optional(),
  filter: TicketFilter.optional(),
  viewAs: ViewAsTarget.optional(),
  exceptIds: z.array(Id).max(MAX_BULK_TICKETS).default([]),
};

/** The schema, refusing input that gives none or more than one of ticketIds, filter and viewAs (the error names ticketIds). */
export const withOneTarget = <S extends z.ZodType<{ ticketIds?: unknown; filter?: unknown; viewAs?: unknown }>>(schema: S) =>
  schema.refine((v) => [v.ticketIds, v.filter, v.viewAs].filter((target) => target !== undefined).length === 1, {
    path: ['ticketIds'],
    message: 'Give one of ticketIds, filter and viewAs.',
    params: { fieldError: { code: 'required' } },
  });

/** What a bulk update changes; every field left out stays as it is on each ticket. */
export const TicketBulkChanges = z
  .strictObject({
    status: TicketStatus.optional(),
    priority: TicketPriority.optional(),
    /** null: nobody. */
    assigneeId: Id.nullable().optional(),
    /** null: no contact person. */
    contactPersonId: Id.nullable().optional(),
    addCategoryIds: z.array(Id).max(50).default([]),
    removeCategoryIds: z.array(Id).max(50).default([]),
    /** A secondary project (and optional task) to add; a ticket already assigned to it is unchanged. */
    addAssignment: z.strictObject({ projectId: Id, taskId: Id.nullish().transform((v) => v ?? null) }).optional(),
  })
  .refine((c) => !c.addCategoryIds.some((id) => c.removeCategoryIds.includes(id)), {
    path: ['removeCategoryIds'],
    params: { fieldError: { code: 'invalid_value' } },
  });

export const TicketBulkInput = withOneTarget(
  z.strictObject({
    ...ticketTargetFields,
    changes: TicketBulkChanges,
    /** The dry run: the same report, nothing written. */
    preview: z.boolean().default(false),
  }),
);
export type TicketBulkInput = z.input<typeof TicketBulkInput>;

/** changed: something differed and was written (or would be, in a preview); refused: see reason. */
export const TicketBulkOutcome = z.enum(['changed', 'unchanged', 'refused']);
/**
 * Why a ticket was refused (nothing of it changed): not_found = no such ticket (deleted
 * meanwhile, or a wrong id); contact_of_other_customer = the new contact is no person of the
 * ticket's primary project's customer (nor of an organisation under it), as tickets:update refuses.
 */
export const TicketBulkRefusal = z.enum(['not_found', 'contact_of_other_customer']);

/** The fields of a ticket a bulk update may change, as its audit entry names them. */
export const TICKET_BULK_FIELDS = ['status', 'priority', 'assigneeId', 'contactPersonId', 'categoryIds', 'secondaryAssignments'] as const;

export const TicketBulkRow = z.strictObject({
  ticketId: Id,
  /** Null for a ticket that does not exist. */
  number: z.number().int().nullable(),
  title: z.string().nullable(),
  outcome: TicketBulkOutcome,
  reason: TicketBulkRefusal.nullable(),
  /** The fields that changed (or would change). */
  fields: z.array(z.enum(TICKET_BULK_FIELDS)),
});
export type TicketBulkRow = z.infer<typeof TicketBulkRow>;

/** Per ticket what happened, in the order of the ids (or of the filtered list); done = false for a preview. */
export const TicketBulkReport = z.strictObject({
  done: z.boolean(),
  rows: z.array(TicketBulkRow),
  totals: z.strictObject({ tickets: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), refused: z.number().int() }),
});
export type TicketBulkReport = z.infer<typeof TicketBulkReport>;

export const ticketBulkApi = {
  /**
   * Changes many tickets at once (the staff list's and the view-as list's bulk actions; view-as
   * is read-only, so staff act as staff here). One transaction for the whole call, one audit
   * entry per ticket changed. Changing the primary project is tickets:move. The screens run it
   * as a job (tickets:bulk-update-start) to show progress and offer a stop.
   */
  'tickets:bulk-update': channel({ access: 'staff', input: TicketBulkInput, output: TicketBulkReport, changes: ['tickets', 'audit'] }),
} as const;
