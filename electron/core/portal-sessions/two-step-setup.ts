import { TWO_STEP_MAX_FAILURES, type RecoveryCodes, type TwoStepMethod, type TwoStepStatus } from '../../../shared/portal-api/two-step';
import { AppError } from '../../../shared/errors';
import { sameHash } from '../activation/account-secrets';
import { recordAudit } from '../audit/audit-log';
import type { SessionSlot } from '../auth/session';
import { verifyPassword } from '../auth/password-hash';
import { beginSignInAttempt } from '../auth/sign-in-throttle';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import type { PortalAccountPrincipal } from '../principal';
import { readActivationSettings } from '../settings/activation-settings';
import { portalThrottleKey } from './portal-sign-in';
import { countTwoStepFailure, groupsRequireTwoStep } from './portal-session-repository';
import { liveSession } from './portal-principal';
import { newTotpSecret, totpStepOf, totpUri } from './totp';
import { mobileHint, newRecoveryCodes, recoveryCodeHash, smsCodeHash, typedCode } from './two-step-codes';
import {
  countUnusedRecoveryCodes,
  disableTwoStep,
  enableTwoStep,
  findLiveSmsCode,
  findTwoStepAccount,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  useSmsCode,
} from './two-step-repository';
import { accountSmsNumber, sendSmsCode } from './two-step-sms';

const wrongCode = () => new AppError('INVALID_CREDENTIALS', 'The code is not correct.', { fields: { code: { code: 'invalid_value' } } });
const alreadyOn = () => new AppError('CONFLICT', 'Two-step login is already on. Turn it off first to change it.');

async function accountOf(deps: CoreDeps, accountId: number) {
  const account = await findTwoStepAccount(deps.db, accountId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return account;
}

/** The signed-in session behind the call (setup codes by SMS belong to it). */
async function sessionOf(deps: CoreDeps, slot: SessionSlot) {
  const row = await liveSession(deps, slot);
  if (!row || row.stage !== 'signed-in') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return row;
}

export async function twoStepStatus(deps: CoreDeps, slot: SessionSlot, principal: PortalAccountPrincipal): Promise<TwoStepStatus> {
  const account = await accountOf(deps, principal.accountId);
  const session = await sessionOf(deps, slot);
  const number = await accountSmsNumber(deps, account.id);
  const pending = account.method === null && account.totpSecret !== null ? deps.secretBox.decrypt(account.totpSecret) : null;
  const issuer = (await readActivationSettings(deps.db)).companyName || 'Portier';
  return {
    method: account.method,
    enabledAt: account.enabledAt,
    recoveryCodesLeft: await countUnusedRecoveryCodes(deps.db, account.id),
    required: await groupsRequireTwoStep(deps.db, account.id),
    mobileHint: number ? mobileHint(number) : null,
    pendingTotp: pending ? { secret: pending, uri: totpUri(issuer, account.username, pending) } : null,
    pendingSms: account.method === null && (await findLiveSmsCode(deps.db, session.id, deps.clock().toISOString())) !== undefined,
  };
}

/** A new authenticator secret, sealed before it is stored; it counts only once a code from it is confirmed. */
export async function startTotpSetup(deps: CoreDeps, slot: SessionSlot, principal: PortalAccountPrincipal): Promise<TwoStepStatus> {
  if (!(await setPendingTotpSecret(deps.db, principal.accountId, deps.secretBox.encrypt(newTotpSecret()), deps.clock().toISOString()))) throw alreadyOn();
  return twoStepStatus(deps, slot, principal);
}

/** A code by SMS to the linked person's mobile number, to prove the phone is the customer's. */
export async function startSmsSetup(deps: CoreDeps, slot: SessionSlot, principal: PortalAccountPrincipal): Promise<TwoStepStatus> {
  const account = await accountOf(deps, principal.accountId);
  if (account.method !== null) throw alreadyOn();
  const session = await sessionOf(deps, slot);
  await sendSmsCode(deps, { id: session.id, accountId: account.id });
  return twoStepStatus(deps, slot, principal);
}

/**
 * Switches the method on with one right code (the app's first code, or the SMS just sent), and
 * hands out new recovery codes, shown this once: only their hashes are kept. The code, the switch
 * and the codes go in one transaction; a second confirmation at the same time finds it on.
 */
export async function confirmTwoStep(deps: CoreDeps, slot: SessionSlot, principal: PortalAccountPrincipal, method: TwoStepMethod, typed: string): Promise<RecoveryCodes> {
  const account = await accountOf(deps, principal.accountId);
  if (account.method !== null) throw alreadyOn();
  const session = await sessionOf(deps, slot);
  const now = deps.clock();
  const at = now.toISOString();
  const code = typedCode(typed);
  let take: (trx: Executor) => Promise<boolean>;
  let totpStep: number | null = null;
  if (method === 'totp') {
    if (account.totpSecret === null) throw new AppError('CONFLICT', 'Start the set-up of an authenticator app first.');
    totpStep = await totpStepOf(deps.secretBox.decrypt(account.totpSecret), code, now, null);
    if (totpStep === null) throw wrongCode();
    take = async () => true;
  } else {
    const live = await findLiveSmsCode(deps.db, session.id, at);
    if (!live) throw wrongCode();
    if (!sameHash(live.codeHash, smsCodeHash(deps.codeKey, session.id, code))) {
      // Guessing the SMS code would tie someone else's phone to the account: every fifth wrong code voids it (a new one must be sent, at most 5 an hour).
      if ((await countTwoStepFailure(deps.db, session.id)) % TWO_STEP_MAX_FAILURES === 0) await useSmsCode(deps.db, live.id, at);
      throw wrongCode();
    }
    take = (trx) => useSmsCode(trx, live.id, at);
  }
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await take(trx)) || !(await enableTwoStep(trx, account.id, method, totpStep, at))) throw alreadyOn();
    await replaceRecoveryCodes(trx, account.id, codes.map((c) => recoveryCodeHash(deps.codeKey, account.id, c)), at);
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'two-step-enabled', after: { twoStepMethod: method }, accountId: account.id, via: 'portal' });
  });
  return { recoveryCodes: codes };
}

/**
 * The password, checked as at sign-in: counted per account before the (slow) check, so a session
 * left open on a shared computer cannot be used to guess it, and answered alike when wrong.
 */
async function checkPassword(deps: CoreDeps, account: { username: string; passwordHash: string | null }, password: string): Promise<void> {
  const attempt = await beginSignInAttempt(deps, portalThrottleKey(account.username));
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'The password is not correct.', { fields: { password: { code: 'invalid_value' } } });
  }
  await attempt.succeeded();
}

/** Turns two-step login off: the method, its secret and the recovery codes go. */
export async function turnOffTwoStep(deps: CoreDeps, slot: SessionSlot, principal: PortalAccountPrincipal, password: string): Promise<TwoStepStatus> {
  const account = await accountOf(deps, principal.accountId);
  await checkPassword(deps, account, password);
  if (account.method !== null || account.totpSecret !== null) {
    const at = deps.clock().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await disableTwoStep(trx, account.id, at);
      if (account.method !== null) {
        await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'two-step-disabled', before: { twoStepMethod: account.method }, accountId: account.id, via: 'portal' });
      }
    });
  }
  return twoStepStatus(deps, slot, principal);
}

/** New recovery codes in place of the old ones (all of them, used or not), shown this once. */
export async function renewRecoveryCodes(deps: CoreDeps, principal: PortalAccountPrincipal, password: string): Promise<RecoveryCodes> {
  const account = await accountOf(deps, principal.accountId);
  await checkPassword(deps, account, password);
  if (account.method === null) throw new AppError('CONFLICT', 'Two-step login is off: there are no recovery codes.');
  const codes = newRecoveryCodes();
  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, account.id, codes.map((c) => recoveryCodeHash(deps.codeKey, account.id, c)), at);
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'recovery-codes-renewed', accountId: account.id, via: 'portal' });
  });
  return { recoveryCodes: codes };
}
