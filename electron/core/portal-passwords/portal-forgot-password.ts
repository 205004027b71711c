import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../shared/errors';
import { sendRequestedSetPasswordLink } from '../activation/password-reset-service';
import { beginSignInAttempt } from '../auth/sign-in-throttle';
import type { CoreDeps } from '../context';
import { usernameKey } from '../portal-accounts/account-repository';
import { readActivationSettings, requirePortalUrl } from '../settings/activation-settings';
import { findAccountForReset } from './portal-password-repository';

/**
 * "Forgot password" answers no sooner than this, for every address. A known one costs more
 * (a token, a mail rendered and queued, an audit entry: tens of milliseconds) than an unknown
 * one; padding both to one floor well above that leaves no difference to measure.
 */
export const FORGOT_PASSWORD_FLOOR_MS = 400;

/** The per-address throttle's key space (sign-in counts on its own keys): a few links per address, then a growing wait. */
export const forgotPasswordThrottleKey = (username: string) => `portal-reset:${usernameKey(username)}`;

/**
 * The customer forgot their password: an active account that has a password gets a
 * set-password link by mail (older links voided). Unknown, deactivated and never-activated
 * accounts get no mail, and every address gets the same answer (null) after the same time.
 * Requests are counted per address in SQL, known or not; over the limit nothing is sent, and
 * the answer is still the same, so neither the limit nor its absence tells which addresses exist.
 */
export async function forgotPassword(deps: CoreDeps, username: string): Promise<null> {
  const started = performance.now();
  try {
    // Without the portal's address no link can be built: refused alike for every address.
    requirePortalUrl(await readActivationSettings(deps.db));
    const allowed = await beginSignInAttempt(deps, forgotPasswordThrottleKey(username)).then(
      () => true,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'RATE_LIMITED') return false;
        throw error;
      },
    );
    const account = await findAccountForReset(deps.db, usernameKey(username));
    if (allowed && account && account.active === 1 && account.passwordHash !== null) await sendRequestedSetPasswordLink(deps, account.id);
  } finally {
    const left = FORGOT_PASSWORD_FLOOR_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
  return null;
}
