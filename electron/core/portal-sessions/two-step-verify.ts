import { TWO_STEP_MAX_FAILURES, type TwoStepChallenge } from '../../../shared/portal-api/two-step';
import { AppError } from '../../../shared/errors';
import { sameHash } from '../activation/account-secrets';
import { recordAudit, type AuditRecord } from '../audit/audit-log';
import type { SessionSlot } from '../auth/session';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { completeTwoStep, countTwoStepFailure, deletePortalSession, markPortalSignIn } from './portal-session-repository';
import { liveSession } from './portal-principal';
import { totpStepOf } from './totp';
import { isSixDigits, mobileHint, recoveryCodeHash, smsCodeHash, typedCode } from './two-step-codes';
import { claimTotpStep, findLiveSmsCode, findTwoStepAccount, useRecoveryCode, useSmsCode } from './two-step-repository';
import { accountSmsNumber, sendSmsCode } from './two-step-sms';

const signInAgain = () => new AppError('UNAUTHENTICATED', 'This sign-in has ended. Please sign in again.');
const wrongCode = (attemptsLeft: number) => new AppError('INVALID_CREDENTIALS', 'The code is not correct.', { fields: { code: { code: 'invalid_value' } }, params: { attemptsLeft } });

/** The slot's sign-in while it waits for its second step, or null. */
async function waitingSession(deps: CoreDeps, session: SessionSlot) {
  const row = await liveSession(deps, session);
  return row && row.stage === 'two-step' && row.twoStepMethod !== null ? { ...row, method: row.twoStepMethod } : null;
}

/** What the code page shows of the waiting sign-in, or null when the request has none. */
export async function twoStepChallenge(deps: CoreDeps, session: SessionSlot): Promise<TwoStepChallenge | null> {
  const row = await waitingSession(deps, session);
  if (!row) return null;
  const number = row.method === 'sms' ? await accountSmsNumber(deps, row.accountId) : null;
  return { method: row.method, mobileHint: number ? mobileHint(number) : null, attemptsLeft: Math.max(0, TWO_STEP_MAX_FAILURES - row.twoStepFailures) };
}

/** A new SMS code for the waiting sign-in. */
export async function resendSmsCode(deps: CoreDeps, session: SessionSlot): Promise<TwoStepChallenge> {
  const row = await waitingSession(deps, session);
  if (!row || row.method !== 'sms') throw signInAgain();
  await sendSmsCode(deps, { id: row.id, accountId: row.accountId });
  const challenge = await twoStepChallenge(deps, session);
  if (!challenge) throw signInAgain();
  return challenge;
}

type Proof = { kind: 'totp'; step: number } | { kind: 'sms'; codeId: number } | { kind: 'recovery'; hash: string };

/** What the typed code could prove, checked without using it up (the transaction below takes it, once). */
async function proofOf(deps: CoreDeps, row: { id: number; accountId: number; method: 'totp' | 'sms' }, typed: string): Promise<Proof | null> {
  const code = typedCode(typed);
  if (!isSixDigits(code)) return { kind: 'recovery', hash: recoveryCodeHash(deps.codeKey, row.accountId, code) };
  if (row.method === 'sms') {
    const live = await findLiveSmsCode(deps.db, row.id, deps.clock().toISOString());
    return live && sameHash(live.codeHash, smsCodeHash(deps.codeKey, row.id, code)) ? { kind: 'sms', codeId: live.id } : null;
  }
  const account = await findTwoStepAccount(deps.db, row.accountId);
  if (!account?.totpSecret) return null;
  const step = await totpStepOf(deps.secretBox.decrypt(account.totpSecret), code, deps.clock(), account.totpLastStep);
  return step === null ? null : { kind: 'totp', step };
}

/** Takes the proof, once; false when another request took it first (the same code twice, at once or later). */
async function takeProof(trx: Executor, deps: CoreDeps, accountId: number, proof: Proof, at: string): Promise<boolean> {
  if (proof.kind === 'totp') return claimTotpStep(trx, accountId, proof.step);
  if (proof.kind === 'sms') return useSmsCode(trx, proof.codeId, at);
  return useRecoveryCode(trx, accountId, proof.hash, at);
}

/**
 * The second step of a sign-in. A right code (the app's, the SMS's, or a recovery code) is used
 * up and the session becomes signed in, in one transaction that only one request can win: a code
 * is accepted once, even when sent twice at the same moment. A wrong code is counted in SQL; the
 * fifth ends the sign-in (audited), and the customer starts again with the password.
 */
export async function verifyTwoStep(deps: CoreDeps, session: SessionSlot, typed: string): Promise<{ recoveryCodeUsed: boolean }> {
  const row = await waitingSession(deps, session);
  if (!row) throw signInAgain();
  const proof = await proofOf(deps, row, typed);
  const at = deps.clock().toISOString();
  const audit: AuditBase = { at, staffId: null, entity: 'portal-account', entityId: row.accountId, accountId: row.accountId, via: 'portal' };
  if (proof !== null) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        // Both or neither: the code is used up only by the request that signs the session in.
        if (!(await takeProof(trx, deps, row.accountId, proof, at)) || !(await completeTwoStep(trx, row.id, at))) throw new LostRace();
        await markPortalSignIn(trx, row.accountId, at);
        if (proof.kind === 'recovery') await recordAudit(trx, { ...audit, action: 'recovery-code-used' });
        await recordAudit(trx, { ...audit, action: 'signed-in' });
      });
      return { recoveryCodeUsed: proof.kind === 'recovery' };
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  return failTwoStep(deps, session, row.id, audit);
}

/** Rolls the transaction back: the code was taken, or the session signed in, by another request. */
class LostRace extends Error {}

type AuditBase = Omit<AuditRecord<object, object>, 'action'>;

async function failTwoStep(deps: CoreDeps, session: SessionSlot, sessionId: number, audit: AuditBase): Promise<never> {
  const failures = await countTwoStepFailure(deps.db, sessionId);
  await recordAudit(deps.db, { ...audit, action: 'two-step-failed' });
  if (failures < TWO_STEP_MAX_FAILURES) throw wrongCode(TWO_STEP_MAX_FAILURES - failures);
  await deps.db.transaction().execute(async (trx) => {
    await deletePortalSession(trx, sessionId);
    await recordAudit(trx, { ...audit, action: 'two-step-locked-out' });
  });
  if (session.portal) session.portal.token = null;
  throw signInAgain();
}
