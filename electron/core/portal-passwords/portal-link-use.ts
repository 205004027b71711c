import { AppError } from '../../../shared/errors';
import { checkAccountPassword } from '../activation/account-password';
import { looksLikeCode } from '../activation/account-secrets';
import { activateAccount } from '../activation/activation-service';
import { completeSetPassword } from '../activation/password-reset-service';
import type { CoreDeps } from '../context';
import { invalidLink, linkOfState } from './portal-links';
import { deleteLinkState } from './portal-password-repository';

/** The services word their refusals for the CLI and staff; the portal gives one answer for every bad link or code. */
async function oneAnswer<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_TOKEN') throw invalidLink();
    throw error;
  }
}

/**
 * The activation page's form: the opened link's token, the letter's code and a new password go
 * to the core's activateAccount (single use, code attempts counted, welcome mail queued once).
 * A code of the wrong shape is refused before any token is looked at (it never counts as a
 * guess); the policy is checked before the code, so a weak password uses up no attempt.
 */
export async function activateThroughLink(deps: CoreDeps, input: { state: string; code: string; password: string }): Promise<{ username: string }> {
  if (!looksLikeCode(input.code)) throw new AppError('VALIDATION', 'An activation code has 12 letters and digits.', { fields: { code: { code: 'invalid_format' } } });
  const link = await linkOfState(deps, 'activation', input.state);
  await checkAccountPassword(deps.db, link.accountId, input.password);
  const { accountId } = await oneAnswer(activateAccount(deps, { token: link.token, code: input.code, password: input.password }));
  if (accountId !== link.accountId) throw invalidLink();
  await deleteLinkState(deps.db, link.stateId);
  return { username: link.username };
}

/** The set-password page's form: the opened link's token and a new password go to the core's completeSetPassword. */
export async function setPasswordThroughLink(deps: CoreDeps, input: { state: string; password: string }): Promise<{ username: string }> {
  const link = await linkOfState(deps, 'set-password', input.state);
  await checkAccountPassword(deps.db, link.accountId, input.password);
  await oneAnswer(completeSetPassword(deps, { token: link.token, password: input.password }));
  await deleteLinkState(deps.db, link.stateId);
  return { username: link.username };
}
