import { z } from 'zod';
import { channel } from '../contract';
import { Id, Timestamp, page } from './common';

export const AUDIT_ENTITIES = ['staff', 'organisation', 'person', 'settings', 'role-group', 'portal-account', 'password-policy', 'mail-template', 'mail', 'hour-card', 'project', 'task', 'ticket-category', 'ticket', 'time-entry'] as const;
/** Kinds of things the audit log records changes of. */
export const AuditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntity>;

/**
 * Every action the core writes. The core's recordAudit takes only these, and the
 * renderer's label map is typed from them, so a new action without a label in
 * every language does not compile.
 */
export const AUDIT_ACTIONS = [
  'created',
  'updated',
  // a ticket's primary project changed by the bulk move (ticket-moves)
  'primary-project-changed',
  'deleted',
  'deactivated',
  'first-administrator-created',
  'reactivated',
  'retried',
  'cancelled',
  'links-changed',
  'groups-changed',
  'username-changed',
  'reset',
  'activation-sent',
  'activated',
  'password-set',
  'password-reset',
  'set-password-link-sent',
  'letter-opened',
  'letter-deleted',
  'smtp-updated',
  // the desk re-opened on another database (connect screen; written in the database it left)
  'database-switched',
  'sms-gateway-updated',
  // projects, tickets, time entries
  'archived',
  'unarchived',
  'commented',
  'assignment-added',
  'assignment-removed',
  'locked',
  // ticket rights and "view as contact" (issue 11)
  'ticket-rights-changed',
  'tickets-viewed-as',
  // The customer portal (the account is the actor)
  'signed-in',
  'sign-in-failed',
  'signed-out',
  'sessions-ended',
  // a customer's answer to a done ticket in the portal
  'accepted',
  'rejected',
  // passwords in the portal: "forgot password" asked for a link; a password changed in My account
  'password-reset-requested',
  'password-changed',
  // two-step login in the portal (the account is the actor)
  'two-step-enabled',
  'two-step-disabled',
  'recovery-code-used',
  'recovery-codes-renewed',
  'two-step-failed',
  'two-step-locked-out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Every field name an audit entry's before/after may hold (checked by the compiler where entries are written). */
export const AUDIT_FIELDS = [
  // ticket moved to another primary project (ticket-moves)
  'primaryProjectId',
  'primaryTaskId',
  'keptAsSecondary',
  'rebookedEntries',
  'rebookedMinutes',
  // a ticket's secondary assignments changed by a bulk update (fix/bulk)
  'secondaryAssignments',
  // organisation
  'name',
  'customerNumber',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'language',
  'internal',
  'parentId',
  // person
  'organisationId',
  'salutation',
  'firstName',
  'lastName',
  'email',
  'mobile',
  // role group
  'description',
  'permissions',
  // staff
  'role',
  'mayGrantAccess',
  'active',
  'password',
  // portal account
  'username',
  'nickname',
  'recoveryEmail',
  'links',
  'roleGroupIds',
  'passwordSet',
  'passwordChanged',
  // issue 12: staff ask the customer to choose their own password at the next sign-in; portal sessions ended
  'mustChangePassword',
  'sessionsEnded',
  'tokensVoided',
  'activatedAt',
  'expiresAt',
  'documentId',
  'title',
  // mail
  'to',
  'subject',
  'accountId',
  // mail template
  'type',
  'html',
  'customised',
  // settings
  'defaultLanguage',
  'activationDays',
  'setPasswordHours',
  'companyName',
  'companyAddress',
  'companyCountry',
  'idleMinutes',
  'portalIdleMinutes',
  'portalAbsoluteHours',
  'timeZone',
  'portalUrl',
  'letterheadLogo',
  'configured',
  'host',
  'port',
  'tls',
  'user',
  'senderAddress',
  'senderName',
  // SMS gateway
  'url',
  'headerName',
  'bodyTemplate',
  'secretChanged',
  // the database a desk works on (connect screen)
  'officeDatabase',
  // two-step login
  'requiresTwoStep',
  'twoStepMethod',
  // password policy
  'minLength',
  'maxLength',
  'requireUpper',
  'requireLower',
  'requireDigit',
  'requireSymbol',
  'blockCommon',
  'blockContext',
  // hour card
  'projectId',
  'purchasedOn',
  'minutes',
  'note',
  // projects, tasks, ticket categories, tickets, time entries
  'archived',
  'nameEn',
  'nameNl',
  'nameDe',
  'number',
  'status',
  'priority',
  'taskId',
  'assigneeId',
  'contactPersonId',
  'categoryIds',
  'ticketId',
  'workDate',
  'billable',
  'locked',
  'body',
  'staffId',
  'origin',
  // ticket rights (issue 11)
  'ticketRights',
  'ticketRightsOnInternalProjects',
  'customerTicketAccessReadOnly',
  // the customer's reason for rejecting a done ticket; the portal account's status mails
  'reason',
  'notifyStatusChanges',
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** How the change came in: the back office (desktop or browser mode), the command line, or a customer in the portal. */
export const AUDIT_VIA = ['app', 'cli', 'portal'] as const;
export const AuditVia = z.enum(AUDIT_VIA);
export type AuditVia = z.infer<typeof AuditVia>;

/** Records a value may point at; their names are kept as they were when the entry was written. */
export const AUDIT_REFERENCE_KINDS = ['organisation', 'person', 'role-group', 'portal-account', 'project', 'task', 'staff', 'ticket'] as const;
export type AuditReferenceKind = (typeof AUDIT_REFERENCE_KINDS)[number];
/** The key of a referenced record in an entry's `names`: "organisation:3". */
export const referenceKey = (kind: AuditReferenceKind, id: number) => `${kind}:${id}`;
/**
 * The key of a ticket category's name in one UI language in an entry's `names`:
 * "ticket-category:3:nl". Categories have a name per language; each is kept as it was.
 */
export const categoryNameKey = (id: number, language: 'en' | 'nl' | 'de') => `ticket-category:${id}:${language}`;

/** One append-only audit record: who changed what when, with the values before and after. */
export const AuditEntry = z.strictObject({
  id: Id,
  at: Timestamp,
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  /** The portal account that acted (a customer in the portal), or null. */
  accountId: Id.nullable(),
  /** That account's username as it is now; a deleted account's as the entry named it, if it did. */
  accountName: z.string().nullable(),
  via: AuditVia,
  entity: AuditEntity,
  entityId: z.number().int().nullable(),
  /** The record's name when the entry was written (a deleted record keeps it). */
  label: z.string().nullable(),
  /** Whether the record still exists, so the screen can link to it. */
  exists: z.boolean(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Names of the records the values refer to, keyed by referenceKey(): as they were when written where known. */
  names: z.record(z.string(), z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditApi = {
  'audit:list': channel({
    access: 'admin',
    input: z.strictObject({
      entity: AuditEntity.optional(),
      entityId: Id.optional(),
      staffId: Id.optional(),
      /** Inclusive first and last day (UTC), yyyy-mm-dd. */
      from: Day.optional(),
      to: Day.optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: page(AuditEntry),
  }),
} as const;
