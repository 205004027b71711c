import { z } from 'zod';
import { channel } from '../contract';
import { AuditEntry } from './audit';
import { ById, Id, Timestamp, UiLanguage, page, requiredText, searchText, SortDirection } from './common';

export const TICKET_STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'done', 'accepted', 'rejected', 'closed'] as const;
/** Where a ticket stands, in workflow order. */
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** How urgent a ticket is, lowest first. */
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPriority>;

/** A calendar day, yyyy-mm-dd, that exists. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    params: { fieldError: { code: 'invalid_format' } },
  });

/** Multi-line text (descriptions, comments, notes): trimmed, with a limit. */
const longText = (max: number) => z.string().trim().max(max);

/** A ticket category the administrators keep, with its name in every UI language and in the one asked for. */
export const TicketCategory = z.strictObject({
  id: Id,
  nameEn: z.string(),
  nameNl: z.string(),
  nameDe: z.string(),
  /** The name in the language the list was asked in. */
  name: z.string(),
  archived: z.boolean(),
});
export type TicketCategory = z.infer<typeof TicketCategory>;

const CategoryFields = z.strictObject({ nameEn: requiredText(100), nameNl: requiredText(100), nameDe: requiredText(100) });

/** One row of the staff ticket list. */
export const TicketRow = z.strictObject({
  id: Id,
  number: z.number().int(),
  /** The number as shown: T-10234. */
  reference: z.string(),
  title: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  projectId: Id,
  projectName: z.string(),
  taskId: Id,
  taskName: z.string(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  contactPersonId: Id.nullable(),
  contactName: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TicketRow = z.infer<typeof TicketRow>;

/** A secondary project (and optional task) a ticket is assigned to, and where that came from. */
export const TicketAssignment = z.strictObject({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  taskId: Id.nullable(),
  taskName: z.string().nullable(),
  origin: z.enum(['manual', 'kept_on_move']),
  createdAt: Timestamp,
});

/** A comment; internal ones are for staff only. */
export const TicketComment = z.strictObject({
  id: Id,
  body: z.string(),
  internal: z.boolean(),
  authorStaffId: Id.nullable(),
  authorStaffName: z.string().nullable(),
  authorAccountId: Id.nullable(),
  createdAt: Timestamp,
});
export type TicketComment = z.infer<typeof TicketComment>;

/** Minutes a staff user booked on a ticket, on its primary project or one of its secondary assignments. */
export const TimeEntry = z.strictObject({
  id: Id,
  ticketId: Id,
  projectId: Id,
  projectName: z.string(),
  taskId: Id.nullable(),
  staffId: Id,
  staffName: z.string(),
  workDate: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  billable: z.boolean(),
  /** Invoiced or its period closed: no longer changed, moved or deleted. */
  locked: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TimeEntry = z.infer<typeof TimeEntry>;

/** A ticket with everything staff see on its page. */
export const TicketDetail = TicketRow.extend({
  description: z.string(),
  createdByStaffId: Id.nullable(),
  createdByStaffName: z.string().nullable(),
  createdByAccountId: Id.nullable(),
  categories: z.array(TicketCategory.omit({ name: true, archived: true })),
  assignments: z.array(TicketAssignment),
  comments: z.array(TicketComment),
  timeEntries: z.array(TimeEntry),
  totalMinutes: z.number().int(),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

const nullableId = Id.nullish().transform((v) => v ?? null);
const SecondaryAssignment = z.strictObject({ projectId: Id, taskId: nullableId });

const TicketFields = z.strictObject({
  title: requiredText(300),
  description: longText(20_000).default(''),
  projectId: Id,
  taskId: Id,
  status: TicketStatus.default('new'),
  priority: TicketPriority.default('normal'),
  assigneeId: nullableId,
  contactPersonId: nullableId,
  categoryIds: z.array(Id).max(50).default([]),
  assignments: z.array(SecondaryAssignment).max(50).default([]),
});

/** A person offered as a ticket's contact: the primary project's customer's own persons come first. */
export const ContactOption = z.strictObject({
  id: Id,
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
});
export type ContactOption = z.infer<typeof ContactOption>;

/** The staff list's filters; every one is applied in SQL. */
export const TicketListQuery = z.strictObject({
  search: searchText,
  projectId: Id.optional(),
  taskId: Id.optional(),
  organisationId: Id.optional(),
  status: z.array(TicketStatus).max(TICKET_STATUSES.length).optional(),
  priority: z.array(TicketPriority).max(TICKET_PRIORITIES.length).optional(),
  /** null: only tickets nobody is assigned to. */
  assigneeId: Id.nullable().optional(),
  contactPersonId: Id.optional(),
  categoryId: Id.optional(),
  sort: z.enum(['number', 'updated', 'priority', 'status']).default('updated'),
  direction: SortDirection.default('desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type TicketListQuery = z.output<typeof TicketListQuery>;

const TimeEntryFields = z.strictObject({
  workDate: Day,
  minutes: z.number().int().min(1).max(1440),
  note: longText(2000).default(''),
  billable: z.boolean().default(true),
  /** A secondary assignment's project; without it, the ticket's primary project. */
  projectId: Id.optional(),
});

export const ticketCategoriesApi = {
  'ticket-categories:list': channel({
    access: 'staff',
    input: z.strictObject({ language: UiLanguage.default('en'), includeArchived: z.boolean().default(false) }),
    output: z.array(TicketCategory),
  }),
  'ticket-categories:create': channel({ access: 'admin', input: CategoryFields, output: TicketCategory, changes: ['tickets', 'audit'] }),
  'ticket-categories:update': channel({ access: 'admin', input: CategoryFields.extend({ id: Id }), output: TicketCategory, changes: ['tickets', 'audit'] }),
  /** Archived categories stay on the tickets that have them; they are no longer offered. */
  'ticket-categories:archive': channel({ access: 'admin', input: ById, output: TicketCategory, changes: ['tickets', 'audit'] }),
} as const;

export const ticketsApi = {
  'tickets:list': channel({ access: 'staff', input: TicketListQuery, output: page(TicketRow) }),
  'tickets:get': channel({ access: 'staff', input: ById, output: TicketDetail }),
  /** The number is the next free one from 10001 up, taken in the same transaction. */
  'tickets:create': channel({ access: 'staff', input: TicketFields, output: TicketDetail, changes: ['tickets', 'audit'] }),
  /** Only the fields given change; a task must belong to the (new) primary project. */
  'tickets:update': channel({
    access: 'staff',
    input: TicketFields.omit({ assignments: true })
      .partial()
      .extend({
        id: Id,
        description: longText(20_000).optional(),
        assigneeId: Id.nullable().optional(),
        contactPersonId: Id.nullable().optional(),
        categoryIds: z.array(Id).max(50).optional(),
        status: TicketStatus.optional(),
        priority: TicketPriority.optional(),
      }),
    output: TicketDetail,
    changes: ['tickets', 'audit'],
  }),
  /**
   * The persons who may be the contact of a ticket on this project, searched in SQL: its
   * customer's (and the organisations under it); on an internal project, anybody.
   */
  'tickets:contact-options': channel({
    access: 'staff',
    input: z.strictObject({ projectId: Id, search: searchText, limit: z.number().int().min(1).max(100).default(20) }),
    output: page(ContactOption),
  }),
  'tickets:comment': channel({
    access: 'staff',
    input: z.strictObject({ ticketId: Id, body: longText(20_000).min(1), internal: z.boolean().default(false) }),
    output: TicketComment,
    changes: ['tickets', 'audit'],
  }),
  /** The ticket's audit entries, newest first. */
  'tickets:history': channel({
    access: 'staff',
    input: z.strictObject({ id: Id, offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    output: page(AuditEntry),
  }),
  'tickets:add-assignment': channel({
    access: 'staff',
    input: SecondaryAssignment.extend({ ticketId: Id }),
    output: TicketDetail,
    changes: ['tickets', 'audit'],
  }),
  /** Refused while time entries lie on the assignment. */
  'tickets:remove-assignment': channel({
    access: 'staff',
    input: z.strictObject({ ticketId: Id, assignmentId: Id }),
    output: TicketDetail,
    changes: ['tickets', 'audit'],
  }),
} as const;

export const timeEntriesApi = {
  'time-entries:book': channel({
    access: 'staff',
    input: TimeEntryFields.extend({ ticketId: Id }),
    output: TimeEntry,
    changes: ['tickets', 'hours', 'audit'],
  }),
  /** Refused for a locked entry. */
  'time-entries:update': channel({
    access: 'staff',
    input: TimeEntryFields.partial().extend({ id: Id, note: longText(2000).optional(), billable: z.boolean().optional() }),
    output: TimeEntry,
    changes: ['tickets', 'hours', 'audit'],
  }),
  /** Refused for a locked entry. */
  'time-entries:delete': channel({ access: 'staff', input: ById, output: z.null(), changes: ['tickets', 'hours', 'audit'] }),
  /** Locks the entries (invoiced, period closed); entries already locked stay as they are. */
  'time-entries:lock': channel({
    access: 'admin',
    input: z.strictObject({ ids: z.array(Id).min(1).max(1000) }),
    output: z.strictObject({ locked: z.number().int() }),
    changes: ['tickets', 'hours', 'audit'],
  }),
} as const;

