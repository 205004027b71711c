import type { OutputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readActivationSettings, requirePortalUrl } from '../settings/activation-settings';
import { checkAccountPassword } from './account-password';
import { hashToken, newToken } from './account-secrets';
import { findAccountState, writeAccountPassword } from './activation-repository';
import { mailAccount } from './mail-account';
import { claimToken, findTokenByHash, insertToken, voidOpenTokens } from './token-repository';

const HOUR = 3_600_000;

export interface IssuedSetPassword {
  accountId: number;
  token: string;
  expiresAt: string;
}

/**
 * Writes a new password: hash, every token and session voided (security stamp), audited. Staff
 * may ask the customer to choose their own at the next sign-in; the customer's own password
 * (a reset through a link) settles any such request.
 */
async function writePassword(
  trx: Executor,
  accountId: number,
  passwordHash: string,
  at: string,
  by: { staffId: number; mustChangePassword: boolean } | { staffId: null },
): Promise<void> {
  const mustChangePassword = by.staffId !== null && by.mustChangePassword;
  await voidOpenTokens(trx, accountId, at);
  await writeAccountPassword(trx, accountId, passwordHash, at, mustChangePassword);
  if (by.staffId !== null) {
    await recordAudit(trx, { at, staffId: by.staffId, entity: 'portal-account', entityId: accountId, action: 'password-set', after: { passwordChanged: true, mustChangePassword } });
  } else {
    // A reset through a token is the customer's own act in the portal.
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: accountId, action: 'password-reset', after: { passwordChanged: true }, via: 'portal', accountId });
  }
}

/**
 * A "set your password" link (lifetime from the settings, default 24 hours) inside the
 * caller's transaction; older tokens of the account are voided. Issued by a staff user, or
 * (staffId null) asked for by the customer in the portal ("forgot password").
 */
async function issueSetPasswordLink(trx: Executor, staffId: number | null, accountId: number, now: Date): Promise<IssuedSetPassword> {
  const at = now.toISOString();
  const account = await findAccountState(trx, accountId);
  if (!account) throw new AppError('NOT_FOUND', `Portal account ${accountId} does not exist.`, { fields: { id: { code: 'not_found' } } });
  if (account.active !== 1) throw new AppError('CONFLICT', 'The account is deactivated; reactivate it before sending a set-password link.', { fields: { id: { code: 'invalid_value' } } });
  const settings = await readActivationSettings(trx);
  requirePortalUrl(settings);
  const expiresAt = new Date(now.getTime() + settings.setPasswordHours * HOUR).toISOString();
  await voidOpenTokens(trx, accountId, at);
  const token = newToken();
  await insertToken(trx, { accountId, kind: 'set-password', tokenHash: token.hash, codeHash: null, expiresAt, createdAt: at, createdBy: staffId });
  if (staffId !== null) await recordAudit(trx, { at, staffId, entity: 'portal-account', entityId: accountId, action: 'set-password-link-sent', after: { expiresAt } });
  else await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: accountId, action: 'password-reset-requested', after: { expiresAt }, via: 'portal', accountId });
  return { accountId, token: token.raw, expiresAt };
}

/** Staff send a "set your password" link: the link issued (older ones voided) and mailed, in one transaction. */
export async function sendSetPasswordLink(deps: CoreDeps, actor: Actor, accountId: number): Promise<OutputOf<'portal-accounts:send-set-password-link'>> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    const link = await issueSetPasswordLink(trx, actor.id, accountId, now);
    await mailAccount(deps.accountMails, trx, accountId, { type: 'set-password', link: { token: link.token, expiresAt: link.expiresAt } }, now);
    return { expiresAt: link.expiresAt };
  });
}

/**
 * The customer asked for a set-password link ("forgot password" in the portal): issued (older
 * links voided) and mailed as staff's would be, audited as the account's own act. The caller
 * decides who gets one: this answers for the account it is given.
 */
export async function sendRequestedSetPasswordLink(deps: CoreDeps, accountId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    const link = await issueSetPasswordLink(trx, null, accountId, now);
    await mailAccount(deps.accountMails, trx, accountId, { type: 'set-password', link: { token: link.token, expiresAt: link.expiresAt } }, now);
  });
}

/**
 * Staff type a password for the account (under the policy); every token and session of the
 * account dies, and the customer is told by mail. With mustChangePassword the customer must
 * choose their own password at the next sign-in (set in the same transaction as the password).
 */
export async function setPasswordByStaff(deps: CoreDeps, actor: Actor, accountId: number, password: string, mustChangePassword = false): Promise<void> {
  await checkAccountPassword(deps.db, accountId, password);
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await writePassword(trx, accountId, passwordHash, now.toISOString(), { staffId: actor.id, mustChangePassword });
    await mailAccount(deps.accountMails, trx, accountId, { type: 'password-changed' }, now);
  });
}

/**
 * The customer's side of a set-password link: single use, expiry, policy; one answer for every
 * bad link; the customer is told by mail. A password of their own also ends staff's "must
 * change at next sign-in".
 */
export async function completeSetPassword(deps: CoreDeps, input: { token: string; password: string }): Promise<{ accountId: number }> {
  const now = deps.clock();
  const at = now.toISOString();
  const token = await findTokenByHash(deps.db, hashToken(input.token.trim()));
  if (!token || token.kind !== 'set-password' || token.used_at !== null || token.voided_at !== null || token.expires_at <= at) {
    throw new AppError('INVALID_TOKEN', 'This link is not valid (any more).');
  }
  await checkAccountPassword(deps.db, token.account_id, input.password);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimToken(trx, token.id, at))) throw new AppError('INVALID_TOKEN', 'This link is not valid (any more).');
    await writePassword(trx, token.account_id, passwordHash, at, { staffId: null });
    await mailAccount(deps.accountMails, trx, token.account_id, { type: 'password-changed' }, now);
  });
  return { accountId: token.account_id };
}
