import { z } from 'zod';
import { Empty, Timestamp } from '../api/common';
import { channel } from '../contract';

/** How a portal account proves the second step: an authenticator app (TOTP, RFC 6238) or a code by SMS. */
export const TwoStepMethod = z.enum(['totp', 'sms']);
export type TwoStepMethod = z.infer<typeof TwoStepMethod>;

/** A code as typed: six digits (app or SMS) or a recovery code; spaces and dashes do not matter. */
const TypedCode = z.string().trim().min(1).max(40);
/** A password as typed, to confirm a change of the two-step settings. */
const Password = z.string().min(1).max(1024);

/** How many wrong codes end a sign-in that waits for its second step. */
export const TWO_STEP_MAX_FAILURES = 5;
/** How many recovery codes an account gets each time. */
export const RECOVERY_CODE_COUNT = 10;

/** A sign-in waiting for its second step, as the code page shows it. */
export const TwoStepChallenge = z.strictObject({
  method: TwoStepMethod,
  /** The end of the number an SMS goes to ("•••••••••78"), or null (an app). */
  mobileHint: z.string().nullable(),
  /** Wrong codes still allowed before the sign-in ends. */
  attemptsLeft: z.number().int().min(0),
});
export type TwoStepChallenge = z.infer<typeof TwoStepChallenge>;

/** The signed-in account's two-step login, as "My account" shows it. */
export const TwoStepStatus = z.strictObject({
  method: TwoStepMethod.nullable(),
  enabledAt: Timestamp.nullable(),
  recoveryCodesLeft: z.number().int(),
  /** One of the account's role groups requires two-step login. */
  required: z.boolean(),
  /** The end of the mobile number SMS codes go to, or null: no usable number on the linked person, so no SMS. */
  mobileHint: z.string().nullable(),
  /** An authenticator app being set up: its secret (to type) and otpauth:// address (for the QR code). */
  pendingTotp: z.strictObject({ secret: z.string(), uri: z.string() }).nullable(),
  /** An SMS code for setting up SMS was sent and waits to be typed. */
  pendingSms: z.boolean(),
});
export type TwoStepStatus = z.infer<typeof TwoStepStatus>;

/** New recovery codes: shown once, never again (only their hashes are kept). */
export const RecoveryCodes = z.strictObject({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/**
 * Two-step login. The portal-session ones act on the request's sign-in that waits for its
 * second step (nobody is signed in yet): a right code signs it in, once; wrong ones are
 * counted in SQL and the fifth ends the sign-in. The portal-two-step ones are the signed-in
 * account's settings ("My account").
 */
export const portalTwoStepApi = {
  /** The waiting sign-in's method, or null when this request has none (then: sign in). */
  'portal-session:two-step-challenge': channel({ access: 'portal-public', input: Empty, output: TwoStepChallenge.nullable() }),
  /** A code from the app, the SMS, or a recovery code. INVALID_CREDENTIALS when wrong; UNAUTHENTICATED when the sign-in ended. */
  'portal-session:verify-two-step': channel({
    access: 'portal-public',
    input: z.strictObject({ code: TypedCode }),
    output: z.strictObject({ recoveryCodeUsed: z.boolean() }),
    changes: ['portal-accounts', 'audit'],
  }),
  /** A new SMS code for the waiting sign-in (the older one stops working); RATE_LIMITED when asked too often. */
  'portal-session:send-sms-code': channel({ access: 'portal-public', input: Empty, output: TwoStepChallenge, changes: ['portal-accounts', 'outbox'] }),
  'portal-two-step:status': channel({ access: 'portal', input: Empty, output: TwoStepStatus }),
  /** Starts setting up an authenticator app with a new secret (kept sealed until confirmed). */
  'portal-two-step:start-totp': channel({ access: 'portal', input: Empty, output: TwoStepStatus, changes: ['portal-accounts'] }),
  /** Starts setting up SMS: a code goes to the linked person's mobile number. */
  'portal-two-step:start-sms': channel({ access: 'portal', input: Empty, output: TwoStepStatus, changes: ['portal-accounts', 'outbox'] }),
  /** Switches the method on with one right code; answers the recovery codes, shown once. */
  'portal-two-step:confirm': channel({
    access: 'portal',
    input: z.strictObject({ method: TwoStepMethod, code: TypedCode }),
    output: RecoveryCodes,
    changes: ['portal-accounts', 'audit'],
  }),
  /** Turns two-step login off (the password confirms it). */
  'portal-two-step:disable': channel({ access: 'portal', input: z.strictObject({ password: Password }), output: TwoStepStatus, changes: ['portal-accounts', 'audit'] }),
  /** New recovery codes in place of the old ones (the password confirms it). */
  'portal-two-step:new-recovery-codes': channel({ access: 'portal', input: z.strictObject({ password: Password }), output: RecoveryCodes, changes: ['portal-accounts', 'audit'] }),
} as const;
