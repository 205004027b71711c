import { z } from 'zod';
import { Empty, UiLanguage } from '../api/common';
import { PasswordPolicy } from '../api/password-policy';
import { channel } from '../contract';

/** The link a page handles: the activation mail's, or the set-password mail's (forgot password, or sent by staff). */
export const LinkKind = z.enum(['activation', 'set-password']);
export type LinkKind = z.infer<typeof LinkKind>;

// Control characters (C0 with NUL, DEL, C1) are never typed into these fields.
const CONTROL_CHARACTER = /\p{Cc}/u;
const withoutControlCharacters = <T extends z.ZodString>(schema: T) =>
  schema.refine((value) => !CONTROL_CHARACTER.test(value), { message: 'Control characters are not allowed here.', params: { fieldError: { code: 'control_character' } } });

/** A link's token as it came in the address; unknown ones answer INVALID_TOKEN like every other bad link. */
const LinkToken = z.string().min(1).max(200);
/** The cookie value that names an opened link's server-side state (base64url of 256 random bits). */
const LinkState = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** A new password as typed: the policy (checked in the core, shown live on the page) decides the rest. */
const NewPassword = withoutControlCharacters(z.string().min(1).max(1024));
/** An address as typed on the forgot-password page; unknown ones get the same answer as known ones. */
const ForgotUsername = withoutControlCharacters(z.string().trim().min(1).max(254));

/** What a password form needs for its live feedback: the policy, and the words a password may not contain. */
export const PasswordRules = z.strictObject({
  policy: PasswordPolicy,
  context: z.strictObject({ username: z.string(), organisationNames: z.array(z.string()) }),
});
export type PasswordRules = z.infer<typeof PasswordRules>;

/** An opened link that still works: whose account it is for, the language its mail spoke, and the rules its new password must meet. */
export const OpenedLink = z.strictObject({ username: z.string(), language: UiLanguage, rules: PasswordRules });
export type OpenedLink = z.infer<typeof OpenedLink>;

/**
 * Activation, set-password links, forgot password and the password change. A link's token is
 * checked without being used and kept server-side (sealed) under a random state, so it leaves
 * the address after the first request; every bad link, expired state or wrong code answers
 * INVALID_TOKEN alike. "Forgot password" answers the same, after the same time, for every address.
 */
export const portalPasswordApi = {
  /** Checks the link's token without using it and keeps it for 15 minutes; the answer is the state's cookie value. */
  'portal-links:open': channel({
    access: 'portal-public',
    input: z.strictObject({ kind: LinkKind, token: LinkToken }),
    output: z.strictObject({ state: z.string() }),
    changes: ['portal-accounts'],
  }),
  /** The opened link, while both its state and its token still stand. */
  'portal-links:get': channel({ access: 'portal-public', input: z.strictObject({ kind: LinkKind, state: LinkState }), output: OpenedLink }),
  /** The letter's code and a new password activate the account of the opened activation link; the welcome mail is queued. */
  'portal-activation:activate': channel({
    access: 'portal-public',
    input: z.strictObject({ state: LinkState, code: z.string().min(1).max(200), password: NewPassword }),
    output: z.strictObject({ username: z.string() }),
    changes: ['portal-accounts', 'outbox', 'audit'],
  }),
  /** A new password through the opened set-password link; every session of the account ends. */
  'portal-password:set': channel({
    access: 'portal-public',
    input: z.strictObject({ state: LinkState, password: NewPassword }),
    output: z.strictObject({ username: z.string() }),
    changes: ['portal-accounts', 'outbox', 'audit'],
  }),
  /** Mails a set-password link to an active account that has a password; the same answer, after the same time, for every address. */
  'portal-password:forgot': channel({
    access: 'portal-public',
    input: z.strictObject({ username: ForgotUsername }),
    output: z.null(),
    changes: ['portal-accounts', 'outbox', 'audit', 'session'],
  }),
  /** The signed-in customer's password rules (live feedback on the change page). */
  'portal-password:rules': channel({ access: 'portal', input: Empty, output: PasswordRules }),
  /** The signed-in customer changes their password: every other session ends, this one goes on under a new id. */
  'portal-password:change': channel({
    access: 'portal',
    input: z.strictObject({ currentPassword: withoutControlCharacters(z.string().min(1).max(1024)), password: NewPassword }),
    output: z.null(),
    changes: ['portal-accounts', 'outbox', 'audit', 'session'],
  }),
} as const;
