import { z } from 'zod';
import { channel } from '../contract';
import { Id, SortDirection, Timestamp, page, searchText } from './common';

/** The contact whose eyes staff look through: a portal account (one of its organisation links; the default one unless named) or a person. */
export const ViewContact = z.union([
  z.strictObject({ accountId: Id, organisationId: Id.optional() }),
  z.strictObject({ personId: Id }),
]);
export type ViewContact = z.infer<typeof ViewContact>;

export const TICKET_STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'done', 'accepted', 'rejected', 'closed'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);

/** The portal's quick links: open (new, in progress, waiting), waiting for me (waiting for customer), done to accept (done), all. */
export const QuickLink = z.enum(['open', 'waiting_for_me', 'done_to_accept', 'all']);
export type QuickLink = z.infer<typeof QuickLink>;

export const ContactTicketSort = z.enum(['updated', 'number', 'title', 'priority', 'status']);

/** One ticket as a contact sees it in a list: only the fields the contact whitelist lets through. */
export const ContactTicketRow = z.strictObject({
  number: z.number().int(),
  title: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  projectId: Id,
  projectName: z.string(),
  taskId: Id,
  taskName: z.string(),
  /** The "Bearbeiter": the assignee's name only. */
  assigneeName: z.string().nullable(),
  writable: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ContactTicketRow = z.infer<typeof ContactTicketRow>;

/** A row of the staff-only view-as list: the contact's row plus the ticket's id, for staff's bulk actions (never sent to a contact). */
export const ViewAsTicketRow = ContactTicketRow.extend({ id: Id });
export type ViewAsTicketRow = z.infer<typeof ViewAsTicketRow>;

/** Codes of why a ticket is or is not visible or writable for a contact; the renderer and the CLI translate them. */
export const ACCESS_REASONS = [
  'visible',
  'writable',
  'account_inactive',
  'account_no_access',
  'no_organisation_link',
  'no_right',
  'right_revoked',
  'other_customer_project',
  'internal_not_allowed',
  'task_not_in_scope',
  'task_created_after_right',
  'global_read_only',
  'right_read_only',
] as const;
export const AccessReason = z.enum(ACCESS_REASONS);
export type AccessReason = z.infer<typeof AccessReason>;

export const ACCESS_CHECKS = ['right_live', 'same_project', 'customer_project', 'internal_allowed', 'task_in_scope', 'not_read_only'] as const;
export const AccessCheck = z.enum(ACCESS_CHECKS);
export type AccessCheck = z.infer<typeof AccessCheck>;

/** Why a contact does or does not see (and may or may not change) one ticket: per right, which check passed. */
export const AccessExplanation = z.strictObject({
  visible: z.boolean(),
  writable: z.boolean(),
  rights: z.array(z.strictObject({ rightId: Id, checks: z.array(z.strictObject({ check: AccessCheck, passed: z.boolean() })) })),
  reasons: z.array(AccessReason),
});
export type AccessExplanation = z.infer<typeof AccessExplanation>;

/** Whom the view shows: for the banner. */
export const ViewedContact = z.strictObject({
  kind: z.enum(['account', 'person']),
  accountId: Id.nullable(),
  personId: Id.nullable(),
  organisationId: Id.nullable(),
  name: z.string(),
  organisationName: z.string().nullable(),
  /** False when the contact cannot reach any ticket at all (inactive account, no link); reasons say why. */
  allowed: z.boolean(),
  reasons: z.array(AccessReason),
});
export type ViewedContact = z.infer<typeof ViewedContact>;

export const TicketViewQuery = z.strictObject({
  contact: ViewContact,
  quickLink: QuickLink.default('open'),
  projectId: Id.optional(),
  taskId: Id.optional(),
  priority: TicketPriority.optional(),
  status: TicketStatus.optional(),
  search: searchText,
  sort: ContactTicketSort.default('updated'),
  direction: SortDirection.default('desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

/**
 * "View tickets as this contact": exactly what the contact sees, through the one access
 * function. Opening the view is audited by its own channel (ticket-view:open, once per
 * opening); paging and filtering the list write nothing.
 */
export const ticketViewApi = {
  'ticket-view:open': channel({ access: 'staff', input: z.strictObject({ contact: ViewContact }), output: ViewedContact, changes: ['audit'] }),
  'ticket-view:list': channel({ access: 'staff', input: TicketViewQuery, output: page(ViewAsTicketRow) }),
  'ticket-view:explain': channel({ access: 'staff', input: z.strictObject({ contact: ViewContact, number: z.number().int().positive() }), output: AccessExplanation }),
} as const;
