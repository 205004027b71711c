import type { PasswordRules } from '../../../shared/portal-api/passwords';
import { AppError } from '../../../shared/errors';
import { checkAccountPassword } from '../activation/account-password';
import { newToken } from '../activation/account-secrets';
import { clearMustChangePassword, writeAccountPassword } from '../activation/activation-repository';
import { mailAccount } from '../activation/mail-account';
import { voidOpenTokens } from '../activation/token-repository';
import { recordAudit } from '../audit/audit-log';
import type { SessionSlot } from '../auth/session';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { beginSignInAttempt } from '../auth/sign-in-throttle';
import type { CoreDeps } from '../context';
import type { PortalAccountPrincipal } from '../principal';
import { liveSession } from '../portal-sessions/portal-principal';
import { deletePortalSessionsOfAccount, insertPortalSession } from '../portal-sessions/portal-session-repository';
import { portalThrottleKey } from '../portal-sessions/portal-sign-in';
import { passwordRulesOf } from './portal-links';
import { findAccountStamp } from './portal-password-repository';

/** The signed-in customer's password rules, for the change page's live feedback. */
export function passwordRulesOfCustomer(deps: CoreDeps, principal: PortalAccountPrincipal): Promise<PasswordRules> {
  return passwordRulesOf(deps.db, principal.accountId);
}

const wrongCurrent = () => new AppError('VALIDATION', 'The current password is not correct.', { fields: { currentPassword: { code: 'invalid_value' } } });

/**
 * The signed-in customer changes their password (My account, or the change staff required with
 * "must change at next sign-in", which this ends). The current password is checked under the
 * sign-in throttle (a stolen session cannot guess it faster than the sign-in page could), the
 * new one under the policy and unlike the current one. The account's security stamp rises, so
 * every other session ends; this browser goes on under a fresh session (new id, same end) and
 * the customer is told by mail.
 */
export async function changePortalPassword(deps: CoreDeps, session: SessionSlot, principal: PortalAccountPrincipal, input: { currentPassword: string; password: string }): Promise<null> {
  const portal = session.portal;
  const row = await liveSession(deps, session);
  if (!portal || !row || row.accountId !== principal.accountId || row.passwordHash === null) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  const attempt = await beginSignInAttempt(deps, portalThrottleKey(row.username));
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) throw wrongCurrent();
  await attempt.succeeded();
  if (input.password.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    throw new AppError('VALIDATION', 'The new password is the current one.', { fields: { password: { code: 'invalid_value' } } });
  }
  await checkAccountPassword(deps.db, principal.accountId, input.password);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  const at = now.toISOString();
  const token = newToken();
  await deps.db.transaction().execute(async (trx) => {
    await voidOpenTokens(trx, principal.accountId, at);
    await writeAccountPassword(trx, principal.accountId, passwordHash, at);
    await clearMustChangePassword(trx, principal.accountId);
    await deletePortalSessionsOfAccount(trx, principal.accountId);
    const stamp = await findAccountStamp(trx, principal.accountId);
    if (stamp === undefined) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    await insertPortalSession(trx, {
      tokenHash: token.hash,
      accountId: principal.accountId,
      stage: 'signed-in',
      organisationId: row.organisationId,
      personId: row.personId,
      securityStamp: stamp,
      clientAddress: portal.clientAddress,
      userAgent: portal.userAgent,
      at,
      // A new id, not a new lifetime: the session still ends when the one it replaces would have.
      expiresAt: row.expiresAt,
    });
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: principal.accountId, action: 'password-changed', after: { passwordChanged: true } });
    await mailAccount(deps.accountMails, trx, principal.accountId, { type: 'password-changed' }, now);
  });
  portal.token = token.raw;
  return null;
}
