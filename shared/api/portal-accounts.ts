import { z } from 'zod';
import { channel } from '../contract';
import { PermissionKeySchema } from './role-groups';
import { ERROR_CODES } from '../errors';
import { ById, ContactLanguage, Email, Id, Timestamp, optionalEmail, optionalText, page, searchText } from './common';

/**
 * Where an account stands. no_access: never invited and no password; invited: an
 * activation is open; invitation_expired: the last activation ran out unused;
 * active: activated (or given a password) and allowed in; deactivated: switched off
 * by staff; locked: too many failed sign-ins, for now.
 */
export const ACCOUNT_STATUSES = ['no_access', 'invited', 'invitation_expired', 'active', 'deactivated', 'locked'] as const;
export const AccountStatus = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatus>;

/** The account list counts matches up to this many, then says "10,000+" unless asked for the exact number: counting is what a broad search spends its time on. */
export const ACCOUNT_TOTAL_CAP = 10_000;

/** The list's quick filters. */
export const QUICK_FILTERS = ['all', 'never_invited', 'invited', 'invitation_expired', 'activated'] as const;
export const QuickFilter = z.enum(QUICK_FILTERS);
export type QuickFilter = z.infer<typeof QuickFilter>;

/** Columns of the account list; the column chooser keeps a subset per staff user. */
export const ACCOUNT_COLUMNS = [
  'username',
  'nickname',
  'person',
  'organisations',
  'roleGroups',
  'active',
  'status',
  'activationSentAt',
  'activatedAt',
  'lastSignInAt',
  'twoStep',
] as const;
export const AccountColumn = z.enum(ACCOUNT_COLUMNS);
/** The columns a staff user sees before choosing: the nickname is offered, not shown (most accounts have none). */
export const DEFAULT_ACCOUNT_COLUMNS = ACCOUNT_COLUMNS.filter((c) => c !== 'nickname');
export type AccountColumn = z.infer<typeof AccountColumn>;

/** How an account signs in with a second step in the portal: an authenticator app (TOTP) or a code by SMS; null: none. */
export const TWO_STEP_METHODS = ['totp', 'sms'] as const;
export const TwoStepMethod = z.enum(TWO_STEP_METHODS);
export type TwoStepMethod = z.infer<typeof TwoStepMethod>;

export const ACCOUNT_SORTS = ['username', 'person', 'organisation', 'status', 'activationSentAt', 'activatedAt', 'lastSignInAt'] as const;

/** One row of the account list. */
export const PortalAccountRow = z.strictObject({
  id: Id,
  username: z.string(),
  nickname: z.string().nullable(),
  personName: z.string().nullable(),
  /** Names of the linked organisations, default first. */
  organisations: z.array(z.string()),
  roleGroups: z.array(z.string()),
  active: z.boolean(),
  status: AccountStatus,
  activationSentAt: Timestamp.nullable(),
  activationSentByName: z.string().nullable(),
  activationExpiresAt: Timestamp.nullable(),
  activatedAt: Timestamp.nullable(),
  /** The last real portal sign-in (password, and the second step if the account has one). */
  lastSignInAt: Timestamp.nullable(),
  twoStepMethod: TwoStepMethod.nullable(),
});
export type PortalAccountRow = z.infer<typeof PortalAccountRow>;

/** A link from an account to an organisation, optionally narrowed to one person of it. */
export const AccountLink = z.strictObject({
  organisationId: Id,
  personId: Id.nullish().transform((v) => v ?? null),
  isDefault: z.boolean(),
});
export type AccountLink = z.input<typeof AccountLink>;

export const AccountLinkView = z.strictObject({
  organisationId: Id,
  organisationName: z.string(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  isDefault: z.boolean(),
});

/** A portal account with everything its page shows. Never a password hash. */
export const PortalAccount = z.strictObject({
  id: Id,
  username: z.string(),
  nickname: z.string().nullable(),
  description: z.string().nullable(),
  recoveryEmail: z.string().nullable(),
  language: ContactLanguage,
  active: z.boolean(),
  hasPassword: z.boolean(),
  status: AccountStatus,
  links: z.array(AccountLinkView),
  roleGroupIds: z.array(Id),
  activationSentAt: Timestamp.nullable(),
  activationSentByName: z.string().nullable(),
  activationExpiresAt: Timestamp.nullable(),
  activatedAt: Timestamp.nullable(),
  lastSignInAt: Timestamp.nullable(),
  twoStepMethod: TwoStepMethod.nullable(),
  /** Staff set the password and asked the customer to choose their own at the next sign-in. */
  mustChangePassword: z.boolean(),
  lockedUntil: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PortalAccount = z.infer<typeof PortalAccount>;

/** Links: one or more, exactly one default, each organisation once, a person only of that organisation (checked in the core). */
const Links = z
  .array(AccountLink)
  .min(1)
  .max(50)
  .refine((links) => links.filter((l) => l.isDefault).length === 1, { message: 'exactly one default organisation' })
  .refine((links) => new Set(links.map((l) => l.organisationId)).size === links.length, { message: 'organisation twice' });

const EditableFields = {
  nickname: optionalText(80),
  description: optionalText(500),
  recoveryEmail: optionalEmail,
  language: ContactLanguage.default('default'),
  links: Links,
  roleGroupIds: z.array(Id).min(1).max(20),
};

/** What a bulk "Create portal accounts" did for one person. */
export const BulkOutcome = z.enum(['created', 'skipped_no_email', 'skipped_invalid_email', 'skipped_duplicate']);

/** Which accounts the list shows: its search and filters, without order or paging. */
const listFilterFields = {
  search: searchText,
  filter: QuickFilter.default('all'),
  status: AccountStatus.optional(),
  organisationId: Id.optional(),
  personId: Id.optional(),
  roleGroupId: Id.optional(),
};

/** The account list's filter (the list's input without order and paging): what a bulk action over "everything the list shows" sends. */
export const AccountFilter = z.strictObject(listFilterFields);
export type AccountFilter = z.input<typeof AccountFilter>;

/** The most accounts a selection over the whole list may leave out one by one. */
export const MAX_EXCEPTED_ACCOUNTS = 10_000;

/**
 * Every account the list shows, except the rows the user unticked: how a bulk action names
 * "all selected, loaded or not" without sending their ids. The core resolves it with the
 * list's own conditions.
 */
export const AccountsMatching = {
  filter: AccountFilter,
  exceptIds: z.array(Id).max(MAX_EXCEPTED_ACCOUNTS).default([]),
};

/** One step of a bulk change over the accounts matching a filter, walked in id order. */
const BulkStep = {
  /** Start after this account id (0: the first step). */
  afterId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/** What one step of a bulk change did, account by account, and where the next step starts. */
export const BulkStepResult = z.strictObject({
  /** How many accounts the selection holds: counted on the first step only (afterId 0), else null. */
  total: z.number().int().min(0).nullable(),
  outcomes: z.array(
    z.strictObject({
      accountId: Id,
      /** unchanged: the account was already as asked (e.g. deactivating a deactivated one). */
      outcome: z.enum(['changed', 'unchanged', 'failed']),
      error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
    }),
  ),
  /** The afterId of the next step; null when no account is left. */
  nextAfterId: Id.nullable(),
});
export type BulkStepResult = z.infer<typeof BulkStepResult>;

export const portalAccountsApi = {
  'portal-accounts:list': channel({
    access: 'staff',
    input: z.strictObject({
      ...listFilterFields,
      sort: z.enum(ACCOUNT_SORTS).default('username'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** Count every match even past ACCOUNT_TOTAL_CAP (costs a full count on a broad search). */
      exactTotal: z.boolean().default(false),
    }),
    output: page(PortalAccountRow).extend({
      /** False when more than ACCOUNT_TOTAL_CAP accounts match and `total` is that cap ("10,000+"). */
      totalExact: z.boolean(),
    }),
  }),
  'portal-accounts:get': channel({ access: 'staff', input: ById, output: PortalAccount }),
  /** Username = email, unique case-insensitively. No password is stored unless staff type one that meets the policy. */
  'portal-accounts:create': channel({
    access: 'grant',
    input: z.strictObject({
      username: Email,
      ...EditableFields,
      active: z.boolean().default(true),
      password: z.string().max(1024).nullish(),
    }),
    output: PortalAccount,
    changes: ['portal-accounts', 'persons', 'audit'],
  }),
  'portal-accounts:update': channel({
    access: 'grant',
    input: z.strictObject({ id: Id, ...EditableFields }),
    output: PortalAccount,
    changes: ['portal-accounts', 'audit'],
  }),
  /** Deactivating voids every open token and session of the account. */
  'portal-accounts:set-active': channel({
    access: 'grant',
    input: z.strictObject({ id: Id, active: z.boolean() }),
    output: PortalAccount,
    changes: ['portal-accounts', 'audit'],
  }),
  /** A deliberate action (the UI confirms it); voids every open token and session. */
  'portal-accounts:change-username': channel({
    access: 'grant',
    input: z.strictObject({ id: Id, username: Email }),
    output: PortalAccount,
    changes: ['portal-accounts', 'audit'],
  }),
  'portal-accounts:delete': channel({ access: 'grant', input: ById, output: z.null(), changes: ['portal-accounts', 'persons', 'audit'] }),
  /**
   * Switches off (or on) the next `limit` accounts of those the list shows (bar `exceptIds`),
   * each as portal-accounts:set-active does it (audited on its own); the renderer repeats the
   * step from `nextAfterId`, which keeps a progress bar and never sends thousands of ids.
   */
  'portal-accounts:set-active-matching': channel({
    access: 'grant',
    input: z.strictObject({ ...AccountsMatching, active: z.boolean(), ...BulkStep }),
    output: BulkStepResult,
    changes: ['portal-accounts', 'audit'],
  }),
  /** Deletes the next `limit` accounts of those the list shows (bar `exceptIds`), each as portal-accounts:delete does it. */
  'portal-accounts:delete-matching': channel({
    access: 'grant',
    input: z.strictObject({ ...AccountsMatching, ...BulkStep }),
    output: BulkStepResult,
    changes: ['portal-accounts', 'persons', 'audit'],
  }),
  /** The union of the account's groups' permissions, each with the groups that grant it. */
  'portal-accounts:effective-permissions': channel({
    access: 'staff',
    input: ById,
    output: z.array(z.strictObject({ key: PermissionKeySchema, grantedBy: z.array(z.strictObject({ id: Id, name: z.string() })) })),
  }),
  /** Bulk "Create portal accounts" for selected persons, with a per-person report. */
  'portal-accounts:create-for-persons': channel({
    access: 'grant',
    input: z.strictObject({
      personIds: z.array(Id).min(1).max(1000),
      roleGroupIds: z.array(Id).min(1).max(20),
    }),
    output: z.array(z.strictObject({ personId: Id, outcome: BulkOutcome, accountId: Id.nullable() })),
    changes: ['portal-accounts', 'persons', 'audit'],
  }),
} as const;

/** Per staff user: which account-list columns are shown. */
export const preferencesApi = {
  'preferences:get-account-columns': channel({ access: 'staff', input: z.strictObject({}), output: z.array(AccountColumn) }),
  'preferences:set-account-columns': channel({
    access: 'staff',
    input: z.strictObject({ columns: z.array(AccountColumn).min(1).max(ACCOUNT_COLUMNS.length) }),
    output: z.array(AccountColumn),
    changes: ['preferences'],
  }),
} as const;
