import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { checkAccountPassword } from './account-password';
import { hashToken, newToken } from './account-secrets';
import { readActivationSettings, requirePortalUrl } from './activation-settings';
import { findTokenByHash, insertToken, voidOpenTokens } from './token-repository';

const HOUR = 3_600_000;

export interface IssuedSetPassword {
  accountId: number;
  token: string;
  expiresAt: string;
}

/** Called inside the transaction that changed a password, to queue the "your password was changed" mail. */
export type PasswordChangedHook = (trx: Executor, accountId: number) => Promise<void>;

/** Writes a new password: hash, every token and session voided (security stamp), audited. */
async function writePassword(trx: Executor, accountId: number, passwordHash: string, at: string, staffId: number | null, action: 'password-set' | 'password-reset'): Promise<void> {
  await voidOpenTokens(trx, accountId, at);
  await trx
    .updateTable('portal_account')
    .set((eb) => ({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, security_stamp: eb('security_stamp', '+', 1), updated_at: at }))
    .where('id', '=', accountId)
    .execute();
  // A reset through a token is the customer's own act in the portal.
  await recordAudit(trx, { at, staffId, entity: 'portal-account', entityId: accountId, action, after: { passwordChanged: true }, ...(action === 'password-reset' ? { via: 'portal' as const } : {}) });
}

/**
 * A "set your password" link (lifetime from the settings, default 24 hours) inside the
 * caller's transaction; older tokens of the account are voided. The caller queues the mail.
 */
export async function issueSetPasswordLink(trx: Executor, actor: Actor | null, accountId: number, now: Date): Promise<IssuedSetPassword> {
  const at = now.toISOString();
  const account = await trx.selectFrom('portal_account').select(['id', 'active']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new AppError('NOT_FOUND', `Portal account ${accountId} does not exist.`, { fields: { id: { code: 'not_found' } } });
  if (account.active !== 1) throw new AppError('CONFLICT', 'The account is deactivated; reactivate it before sending a set-password link.', { fields: { id: { code: 'invalid_value' } } });
  const settings = await readActivationSettings(trx);
  requirePortalUrl(settings);
  const expiresAt = new Date(now.getTime() + settings.setPasswordHours * HOUR).toISOString();
  await voidOpenTokens(trx, accountId, at);
  const token = newToken();
  await insertToken(trx, { accountId, kind: 'set-password', tokenHash: token.hash, codeHash: null, expiresAt, createdAt: at, createdBy: actor?.id ?? null });
  await recordAudit(trx, { at, staffId: actor?.id ?? null, entity: 'portal-account', entityId: accountId, action: 'set-password-link-sent', after: { expiresAt } });
  return { accountId, token: token.raw, expiresAt };
}

/** Staff type a password for the account (under the policy); every token and session of the account dies. */
export async function setPasswordByStaff(deps: CoreDeps, actor: Actor, accountId: number, password: string, hook?: PasswordChangedHook): Promise<void> {
  await checkAccountPassword(deps.db, accountId, password);
  const passwordHash = await hashPassword(password);
  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await writePassword(trx, accountId, passwordHash, at, actor.id, 'password-set');
    if (hook) await hook(trx, accountId);
  });
}

/** The customer's side of a set-password link: single use, expiry, policy; one answer for every bad link. */
export async function completeSetPassword(deps: CoreDeps, input: { token: string; password: string }, hook?: PasswordChangedHook): Promise<{ accountId: number }> {
  const at = deps.clock().toISOString();
  const token = await findTokenByHash(deps.db, hashToken(input.token.trim()));
  if (!token || token.kind !== 'set-password' || token.used_at !== null || token.voided_at !== null || token.expires_at <= at) {
    throw new AppError('INVALID_TOKEN', 'This link is not valid (any more).');
  }
  await checkAccountPassword(deps.db, token.account_id, input.password);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('portal_account_token').set({ used_at: at }).where('id', '=', token.id).where('used_at', 'is', null).where('voided_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('INVALID_TOKEN', 'This link is not valid (any more).');
    await writePassword(trx, token.account_id, passwordHash, at, null, 'password-reset');
    if (hook) await hook(trx, token.account_id);
  });
  return { accountId: token.account_id };
}
