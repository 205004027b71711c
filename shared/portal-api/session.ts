import { z } from 'zod';
import { Empty, Id, UiLanguage } from '../api/common';
import { channel } from '../contract';

/** A username as typed at sign-in: any text up to an email's length (unknown ones are answered like wrong passwords). */
const Username = z.string().trim().min(1).max(254);
/** A password as typed; the policy is checked where a password is set, never at sign-in. */
const Password = z.string().min(1).max(1024);

/** One organisation the signed-in account may act for (a link, or a child of an umbrella link). */
export const PortalOrganisation = z.strictObject({ id: Id, name: z.string() });
export type PortalOrganisation = z.infer<typeof PortalOrganisation>;

/** Who is signed in to the portal, as its pages need it. */
export const PortalMe = z.strictObject({
  accountId: Id,
  username: z.string(),
  /** The account's language, or the portal's default for an account that chose none. */
  language: UiLanguage,
  /** The organisation the account acts for now, and the others it may switch to. */
  organisation: PortalOrganisation,
  organisations: z.array(PortalOrganisation),
  /** The person the account acts as (the link's), or null for a link to the whole organisation. */
  personName: z.string().nullable(),
  /** The account's effective permissions (role groups) for the organisation it acts for. */
  permissions: z.array(z.string()),
  /** The account must choose a new password before anything else (set by staff: "must change at next sign-in"). */
  mustChangePassword: z.boolean(),
  /** A role group requires two-step login and the account has none yet: it sets one up before anything else. */
  mustSetUpTwoStep: z.boolean(),
});
export type PortalMe = z.infer<typeof PortalMe>;

/** What the sign-in page goes on with: the portal, a two-step code, or the password change staff asked for. */
export const SignInOutcome = z.strictObject({
  next: z.enum(['signed-in', 'two-step']),
  /** With next = two-step: how the code comes (an authenticator app, or an SMS just queued). */
  twoStepMethod: z.enum(['totp', 'sms']).nullable(),
});
export type SignInOutcome = z.infer<typeof SignInOutcome>;

/**
 * The portal's session channels. Sign-in answers alike for unknown usernames and wrong passwords
 * (INVALID_CREDENTIALS, same timing); failures are counted atomically per account and per
 * client address before the password is checked (RATE_LIMITED once over the limit).
 */
export const portalSessionApi = {
  /** The signed-in account, or null (nobody, or a sign-in still waiting for its two-step code). */
  'portal-session:current': channel({ access: 'portal-public', input: Empty, output: PortalMe.nullable() }),
  /** Username and password; a new session (new id) either signed in or waiting for a two-step code. */
  'portal-session:sign-in': channel({
    access: 'portal-public',
    input: z.strictObject({ username: Username, password: Password }),
    output: SignInOutcome,
    // outbox: an account with SMS two-step gets its code queued at once.
    changes: ['portal-accounts', 'audit', 'outbox'],
  }),
  /** Ends this session. */
  'portal-session:sign-out': channel({ access: 'portal', input: Empty, output: z.null(), changes: ['portal-accounts'] }),
  /** Acts for another organisation the account may act for (an umbrella's child, another link). */
  'portal-session:switch-organisation': channel({
    access: 'portal',
    input: z.strictObject({ organisationId: Id }),
    output: PortalMe,
  }),
} as const;
