import { z } from 'zod';
import { channel } from '../contract';
import { Id, Timestamp, UiLanguage } from './common';
import { DocumentFile } from './documents';
import { AccountStatus } from './portal-accounts';
import { TicketRightScope } from './ticket-rights';

/** A live ticket right as the review lists it: on which project, how far, and whether read-only. */
export const ReviewRight = z.strictObject({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  scope: TicketRightScope,
  /** The task of a one_task right. */
  taskName: z.string().nullable(),
  /** How many tasks an existing_tasks right covers; null for the other scopes. */
  taskCount: z.number().int().nullable(),
  readOnly: z.boolean(),
});
export type ReviewRight = z.infer<typeof ReviewRight>;

/** One organisation link of an account: whose rights count there, and the tickets it reaches through it. */
export const ReviewLink = z.strictObject({
  organisationId: Id,
  organisationName: z.string(),
  /** The person the link names; null: the account acts for the whole organisation. */
  personId: Id.nullable(),
  personName: z.string().nullable(),
  isDefault: z.boolean(),
  /** The link's rights (the person's when the link names one). */
  rights: z.array(ReviewRight),
  visibleTickets: z.number().int(),
  writableTickets: z.number().int(),
});
export type ReviewLink = z.infer<typeof ReviewLink>;

/** One external (portal) account in the access review. */
export const ReviewAccount = z.strictObject({
  accountId: Id,
  username: z.string(),
  active: z.boolean(),
  status: AccountStatus,
  links: z.array(ReviewLink),
  roleGroups: z.array(z.strictObject({ id: Id, name: z.string() })),
  /** Effective permissions: the union of the groups' (staff-only powers never count), catalog order. */
  permissions: z.array(z.string()),
  /** Tickets the account sees (changes) through any of its links, counted by the access function's SQL condition. */
  visibleTickets: z.number().int(),
  writableTickets: z.number().int(),
});
export type ReviewAccount = z.infer<typeof ReviewAccount>;

export const AccessReview = z.strictObject({
  generatedAt: Timestamp,
  /** The filter: only accounts linked to this organisation; null: every account. */
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  accounts: z.array(ReviewAccount),
});
export type AccessReview = z.infer<typeof AccessReview>;

const AccessReviewQuery = z.strictObject({ organisationId: Id.optional() });
const AccessReviewExport = AccessReviewQuery.extend({ language: UiLanguage.default('en') });

/**
 * The access review (issue 11, point 9): every portal account with its organisations, role
 * groups, effective permissions, ticket rights and the number of tickets it can see and change,
 * for the administrators' periodic reviews; as data, CSV, XLSX and PDF.
 */
export const accessReviewApi = {
  'reports:access': channel({ access: 'admin', input: AccessReviewQuery, output: AccessReview }),
  /** One line per account link: ";" for nl and de, "," for en; cells neutralised against formulas. */
  'reports:access-csv': channel({ access: 'admin', input: AccessReviewExport, output: z.strictObject({ fileName: z.string(), csv: z.string() }) }),
  'reports:access-xlsx': channel({ access: 'admin', input: AccessReviewExport, output: DocumentFile }),
  'reports:access-pdf': channel({ access: 'admin', input: AccessReviewExport, output: DocumentFile }),
} as const;
