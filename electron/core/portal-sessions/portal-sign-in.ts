import type { PortalMe, SignInOutcome } from '../../../shared/portal-api/session';
import { AppError } from '../../../shared/errors';
import { newToken } from '../activation/account-secrets';
import { recordAudit } from '../audit/audit-log';
import type { SessionSlot } from '../auth/session';
import { verifyAgainstDummy, verifyPassword } from '../auth/password-hash';
import { beginSignInAttempt } from '../auth/sign-in-throttle';
import type { CoreDeps } from '../context';
import { usernameKey } from '../portal-accounts/account-repository';
import { readSessionSettings } from '../settings/session-settings';
import { actingChoices } from './portal-acting';
import { deletePortalSession, findAccountForSignIn, insertPortalSession, markPortalSignIn } from './portal-session-repository';
import { liveSession } from './portal-principal';
import { sendSmsCode } from './two-step-sms';

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'The username or password is not correct.');

/** The throttle's key space for portal accounts (staff sign-in counts per email on its own keys). */
export const portalThrottleKey = (username: string) => `portal:${usernameKey(username)}`;

/** The slot's portal part; the portal's shell always sets one. */
function portalOf(session: SessionSlot) {
  if (!session.portal) throw new AppError('FORBIDDEN', 'Only the portal signs customers in.');
  return session.portal;
}

/**
 * A customer's sign-in. Unknown usernames, wrong passwords, deactivated and never-activated
 * accounts all get one answer after the same work (a hash is verified either way). The attempt
 * is counted per username in SQL before the password is checked, so parallel guesses are
 * throttled like sequential ones. A right password ends the slot's old session and starts a new
 * one under a new id (no fixation): signed in, or waiting for the two-step code.
 */
export async function signInToPortal(deps: CoreDeps, session: SessionSlot, input: { username: string; password: string }): Promise<SignInOutcome> {
  const portal = portalOf(session);
  const attempt = await beginSignInAttempt(deps, portalThrottleKey(input.username));
  const account = await findAccountForSignIn(deps.db, usernameKey(input.username));
  const passwordOk = account?.password_hash ? await verifyPassword(account.password_hash, input.password) : await verifyAgainstDummy(input.password);
  const now = deps.clock();
  const at = now.toISOString();
  if (!account || !passwordOk || account.active !== 1) {
    if (account) await recordAudit(deps.db, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'sign-in-failed', accountId: account.id, via: 'portal' });
    throw invalidCredentials();
  }
  const choices = await actingChoices(deps.db, account.id);
  const acting = choices[0];
  if (!acting) throw new AppError('FORBIDDEN', 'This account is not linked to an organisation yet. Please contact us.');
  const { portalAbsoluteHours } = await readSessionSettings(deps.db);
  const stage = account.two_step_method === null ? 'signed-in' : 'two-step';
  const token = newToken();
  const previous = await liveSession(deps, session);
  const sessionId = await deps.db.transaction().execute(async (trx) => {
    await attempt.succeeded(trx);
    if (previous) await deletePortalSession(trx, previous.id);
    const id = await insertPortalSession(trx, {
      tokenHash: token.hash,
      accountId: account.id,
      stage,
      organisationId: acting.organisationId,
      personId: acting.personId,
      securityStamp: account.security_stamp,
      clientAddress: portal.clientAddress,
      userAgent: portal.userAgent,
      at,
      expiresAt: new Date(now.getTime() + portalAbsoluteHours * 3_600_000).toISOString(),
    });
    if (stage === 'signed-in') {
      await markPortalSignIn(trx, account.id, at);
      await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'signed-in', accountId: account.id, via: 'portal' });
    }
    return id;
  });
  portal.token = token.raw;
  // The code goes out at once; when it cannot (too many lately, no number), the code page offers another and says why.
  if (stage === 'two-step' && account.two_step_method === 'sms') {
    await sendSmsCode(deps, { id: sessionId, accountId: account.id }).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
    });
  }
  return { next: stage, twoStepMethod: account.two_step_method };
}

/** Ends the slot's session. */
export async function signOutOfPortal(deps: CoreDeps, session: SessionSlot): Promise<null> {
  const portal = portalOf(session);
  const live = await liveSession(deps, session);
  if (live) {
    await deps.db.transaction().execute(async (trx) => {
      await deletePortalSession(trx, live.id);
      await recordAudit(trx, { at: deps.clock().toISOString(), staffId: null, entity: 'portal-account', entityId: live.accountId, action: 'signed-out', accountId: live.accountId, via: 'portal' });
    });
  }
  portal.token = null;
  return null;
}

export type { PortalMe };
