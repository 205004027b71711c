import { z } from 'zod';
import { channel } from '../contract';
import { Empty, Id, Timestamp } from './common';
import { AccessReason } from './ticket-view';

/**
 * Who holds a ticket right: a person, or a portal account's link to an organisation that names
 * no person (an account acting for the whole organisation). An account whose link names a
 * person holds none of its own: it sees through that person's rights.
 */
export const RightHolder = z.union([
  z.strictObject({ personId: Id }),
  z.strictObject({ accountId: Id, organisationId: Id }),
]);
export type RightHolder = z.infer<typeof RightHolder>;

/** one_task: that task only; all_tasks: every task of the project, also later ones; existing_tasks: the tasks the project had when the right was given. */
export const TicketRightScope = z.enum(['one_task', 'all_tasks', 'existing_tasks']);
export type TicketRightScope = z.infer<typeof TicketRightScope>;

/** One right of a contact on a project's tickets, live or revoked. */
export const TicketRight = z.strictObject({
  id: Id,
  personId: Id.nullable(),
  accountId: Id.nullable(),
  organisationId: Id.nullable(),
  projectId: Id,
  projectName: z.string(),
  scope: TicketRightScope,
  /** The task of a one_task right. */
  taskId: Id.nullable(),
  taskName: z.string().nullable(),
  /** The tasks an existing_tasks right covers (stored when it was given); empty for the other scopes. */
  taskIds: z.array(Id),
  readOnly: z.boolean(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type TicketRight = z.infer<typeof TicketRight>;

/** The administrators' ticket-access settings (ZEP: Administration > Einstellungen > Ticket-System). */
export const TicketAccessSettings = z.strictObject({
  /** "Contacts may be given rights on internal projects." */
  ticketRightsOnInternalProjects: z.boolean(),
  /** "Customer access to tickets is read-only": overrides every right. */
  customerTicketAccessReadOnly: z.boolean(),
});
export type TicketAccessSettings = z.infer<typeof TicketAccessSettings>;

export const DEFAULT_TICKET_ACCESS_SETTINGS: TicketAccessSettings = { ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: false };

export const GrantTicketRight = z
  .strictObject({
    holder: RightHolder,
    projectId: Id,
    scope: TicketRightScope,
    taskId: Id.nullable().default(null),
    readOnly: z.boolean().default(false),
  })
  .refine((v) => (v.scope === 'one_task') === (v.taskId !== null), {
    message: 'A one-task right names its task; the other scopes name none.',
    path: ['taskId'],
    params: { fieldError: { code: 'invalid_value' } },
  });

/** A right the editor holds but has not saved: GrantTicketRight without its holder. */
export const ProposedTicketRight = z
  .strictObject({
    projectId: Id,
    scope: TicketRightScope,
    taskId: Id.nullable().default(null),
    readOnly: z.boolean().default(false),
  })
  .refine((v) => (v.scope === 'one_task') === (v.taskId !== null), {
    message: 'A one-task right names its task; the other scopes name none.',
    path: ['taskId'],
    params: { fieldError: { code: 'invalid_value' } },
  });
export type ProposedTicketRight = z.infer<typeof ProposedTicketRight>;

/** The most tickets a preview lists on each side; its totals are exact. */
export const RIGHTS_PREVIEW_LIMIT = 200;

/** One ticket of a preview: what the editor shows of it. */
export const PreviewTicket = z.strictObject({ number: z.number().int(), title: z.string(), projectName: z.string() });

const PreviewSide = z.strictObject({ total: z.number().int().min(0), tickets: z.array(PreviewTicket) });

/** "What will this contact see?": the tickets the contact would gain and lose if the edit were saved. */
export const TicketRightsPreview = z.strictObject({
  gain: PreviewSide,
  lose: PreviewSide,
  /** How many tickets the contact sees now and would see after the edit. */
  visibleBefore: z.number().int().min(0),
  visibleAfter: z.number().int().min(0),
  /** Why the contact sees no ticket whatever its rights (inactive account…); empty when none. */
  blocked: z.array(AccessReason),
});
export type TicketRightsPreview = z.infer<typeof TicketRightsPreview>;

export const ticketRightsApi = {
  'ticket-rights:list': channel({
    access: 'staff',
    input: z.strictObject({ holder: RightHolder, includeRevoked: z.boolean().default(true) }),
    output: z.array(TicketRight),
  }),
  'ticket-rights:grant': channel({ access: 'grant', input: GrantTicketRight, output: TicketRight, changes: ['ticket-rights', 'audit'] }),
  'ticket-rights:preview': channel({
    access: 'grant',
    input: z.strictObject({ holder: RightHolder, grant: z.array(ProposedTicketRight).max(100).default([]), revoke: z.array(Id).max(1000).default([]) }),
    output: TicketRightsPreview,
  }),
  'ticket-rights:revoke': channel({ access: 'grant', input: z.strictObject({ id: Id }), output: TicketRight, changes: ['ticket-rights', 'audit'] }),
  'ticket-rights:get-settings': channel({ access: 'staff', input: Empty, output: TicketAccessSettings }),
  'ticket-rights:update-settings': channel({ access: 'admin', input: TicketAccessSettings, output: TicketAccessSettings, changes: ['settings', 'audit'] }),
} as const;
