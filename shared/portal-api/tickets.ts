import { z } from 'zod';
import { Id, Timestamp, page, requiredText } from '../api/common';
import { ContactTicketRow, TicketPriority, TicketStatus, TicketViewQuery } from '../api/ticket-view';
import { channel } from '../contract';

/** A ticket's number as the customer's address names it (T-10234 is 10234). */
const TicketNumber = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The customer's list: the same filters, quick links, sorting and paging as "view as contact", for the contact the account acts as. */
export const PortalTicketQuery = TicketViewQuery.omit({ contact: true });

/** A comment as the customer sees it: public ones only, the author's name only. */
export const PortalTicketComment = z.strictObject({
  id: Id,
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
});

/** One ticket as its contact sees it (the contact field whitelist), and which write actions the page may offer. */
export const PortalTicket = z.strictObject({
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  projectName: z.string(),
  taskName: z.string(),
  assigneeName: z.string().nullable(),
  contactName: z.string().nullable(),
  comments: z.array(PortalTicketComment),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The access function's `writable` for the contact (false: a read-only right, or the global read-only setting). */
  writable: z.boolean(),
  /** What the access function and the account's permissions allow now; the core checks again on every write. */
  may: z.strictObject({ comment: z.boolean(), acceptOrReject: z.boolean() }),
});
export type PortalTicket = z.infer<typeof PortalTicket>;

/** A project the contact sees tickets of, with the tasks it sees; `writable` ones take new tickets. */
export const PortalTicketProject = z.strictObject({
  id: Id,
  name: z.string(),
  tasks: z.array(z.strictObject({ id: Id, name: z.string(), writable: z.boolean() })),
});
export type PortalTicketProject = z.infer<typeof PortalTicketProject>;

/** What the list's filters and the new-ticket form offer, from the contact's rights through the access function. */
export const PortalTicketOptions = z.strictObject({
  projects: z.array(PortalTicketProject),
  /** The account may create tickets (permission) and holds a writable right on some open task. */
  mayCreate: z.boolean(),
});
export type PortalTicketOptions = z.infer<typeof PortalTicketOptions>;

const Body = requiredText(20_000);

/**
 * The customer's tickets in the portal. Every channel builds the contact's scope from the
 * portal account principal (its acting organisation and person) with THE access function;
 * a ticket the contact may not see is NOT_FOUND exactly like one that does not exist. Writes
 * check the access function's `writable` (no read-only right, the global read-only setting off)
 * and the account's permission inside their transaction; FORBIDDEN otherwise.
 */
export const portalTicketsApi = {
  'portal-tickets:list': channel({ access: 'portal', input: PortalTicketQuery, output: page(ContactTicketRow) }),
  'portal-tickets:options': channel({ access: 'portal', input: z.strictObject({}), output: PortalTicketOptions }),
  'portal-tickets:get': channel({ access: 'portal', input: z.strictObject({ number: TicketNumber }), output: PortalTicket }),
  /** A new ticket on a task the contact holds a writable right on; no sub-tickets. The contact is the account's person. */
  'portal-tickets:create': channel({
    access: 'portal',
    input: z.strictObject({
      projectId: Id,
      taskId: Id,
      title: requiredText(300),
      description: z.string().trim().max(20_000).default(''),
      priority: TicketPriority.default('normal'),
    }),
    output: z.strictObject({ number: z.number().int() }),
    changes: ['tickets', 'audit'],
  }),
  /** A public comment (a customer never writes internal ones). */
  'portal-tickets:comment': channel({
    access: 'portal',
    input: z.strictObject({ number: TicketNumber, body: Body }),
    output: PortalTicketComment,
    changes: ['tickets', 'audit'],
  }),
  /** Accepts the result of a done ticket (status accepted). */
  'portal-tickets:accept': channel({ access: 'portal', input: z.strictObject({ number: TicketNumber }), output: z.null(), changes: ['tickets', 'audit', 'outbox'] }),
  /** Rejects the result of a done ticket with a reason (status rejected; the reason becomes a public comment). */
  'portal-tickets:reject': channel({
    access: 'portal',
    input: z.strictObject({ number: TicketNumber, reason: Body }),
    output: z.null(),
    changes: ['tickets', 'audit', 'outbox'],
  }),
} as const;
