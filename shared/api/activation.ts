import { z } from 'zod';
import { channel } from '../contract';
import { ById, Id, Timestamp, UiLanguage } from './common';
import { AccountsMatching } from './portal-accounts';

/** What "Activate account" did for one account. */
/** `failed`: the database refused this account's writes; nothing was changed for it, the others of the call went. */
export const ActivationOutcome = z.enum(['sent', 'skipped_inactive', 'skipped_activated', 'skipped_missing', 'skipped_no_email', 'failed']);
export type ActivationOutcome = z.infer<typeof ActivationOutcome>;

/** Who an activation would go to, before staff confirm it. */
export const ActivationPreview = z.strictObject({
  accountId: Id,
  username: z.string(),
  language: UiLanguage,
  outcome: ActivationOutcome,
});

/** The most accounts one activation run over the whole list may preview (and so send to). */
export const MAX_ACTIVATION_MATCHING = 10_000;

export const activationApi = {
  /** What "Activate account" would do for these accounts: addresses, languages, and who is skipped and why. Changes nothing. */
  'portal-accounts:preview-activation': channel({
    access: 'grant',
    input: z.strictObject({ ids: z.array(Id).min(1).max(1000) }),
    output: z.array(ActivationPreview),
  }),
  /**
   * The same preview for every account the list shows (bar `exceptIds`), resolved in the core
   * with the list's own conditions; at most MAX_ACTIVATION_MATCHING accounts (field error too_many).
   */
  'portal-accounts:preview-activation-matching': channel({
    access: 'grant',
    input: z.strictObject(AccountsMatching),
    output: z.array(ActivationPreview),
  }),
  /**
   * "Activate account" for one or many accounts: per account, in one transaction, a fresh
   * link token and letter code (older ones voided), the mail in the outbox, the audit entry.
   */
  'portal-accounts:send-activation': channel({
    access: 'grant',
    input: z.strictObject({ ids: z.array(Id).min(1).max(1000) }),
    output: z.array(z.strictObject({ accountId: Id, outcome: ActivationOutcome, expiresAt: Timestamp.nullable() })),
    // The activation letter is stored as a document.
    changes: ['portal-accounts', 'outbox', 'documents', 'audit'],
  }),
  /** A "set your password" link by mail (lifetime from the activation settings). */
  'portal-accounts:send-set-password-link': channel({
    access: 'grant',
    input: ById,
    output: z.strictObject({ expiresAt: Timestamp }),
    changes: ['portal-accounts', 'outbox', 'audit'],
  }),
  /**
   * Staff type the password (under the policy); the customer gets a "password changed" mail.
   * mustChangePassword: the customer must choose their own at the next sign-in (Keycloak's
   * "required action"); without it, an earlier such request is cleared.
   */
  'portal-accounts:set-password': channel({
    access: 'grant',
    input: z.strictObject({ id: Id, password: z.string().min(1).max(1024), mustChangePassword: z.boolean().default(false) }),
    output: z.null(),
    changes: ['portal-accounts', 'outbox', 'audit'],
  }),
} as const;
