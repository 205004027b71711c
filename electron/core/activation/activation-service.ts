import type { OutputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import type { Actor, CoreDeps } from '../context';
import { inSavepoint, inTransactionWithSavepoints } from '../db/savepoints';
import { requirePortalUrl } from '../settings/activation-settings';
import { readSettings } from '../settings/settings-service';
import { startMailRun } from '../templates/mail-run';
import { checkAccountPassword } from './account-password';
import { hashCode, hashToken, sameHash } from './account-secrets';
import { findAccountContact, findAccountState, markActivated } from './activation-repository';
import { issueActivations, skipReason, type ActivationReport, type ActivationRun } from './issue-activations';
import { mailAccount } from './mail-account';
import { recipientOf } from './recipient';
import { claimToken, countCodeAttempt, findTokenByHash, forgiveCodeAttempt, voidOpenTokens, voidToken } from './token-repository';

export type { IssuedActivation } from './activation-ports';
export type { ActivationReport } from './issue-activations';

/** Wrong codes a token survives; the next wrong one voids it. */
export const MAX_CODE_ATTEMPTS = 5;

/** What "Activate account" would do for these accounts: addresses, languages, and who is skipped and why. Changes nothing. */
export async function previewActivations(deps: CoreDeps, accountIds: readonly number[]): Promise<OutputOf<'portal-accounts:preview-activation'>> {
  const { defaultLanguage } = await readSettings(deps.db);
  const preview: OutputOf<'portal-accounts:preview-activation'> = [];
  for (const accountId of new Set(accountIds)) {
    const account = await findAccountContact(deps.db, accountId);
    if (!account) {
      preview.push({ accountId, username: '', language: 'en', outcome: 'skipped_missing' });
      continue;
    }
    const to = recipientOf(account, defaultLanguage);
    preview.push({ accountId, username: to.to, language: to.language, outcome: skipReason(account) ?? 'sent' });
  }
  return preview;
}

/**
 * Accounts written per batch: one statement per step for all of them. Bounded so that the
 * widest statement (the outbox's 17 columns) stays far below SQLite's 32,766 parameters.
 */
const BATCH = 500;

/**
 * The call's accounts in batches of at most BATCH, in their order, each id at most once per
 * batch: an id named twice is issued twice, the second voiding the first, as one at a time would.
 */
function batchesOf(ids: readonly number[]): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const id of ids) {
    if (batch.length === BATCH || batch.includes(id)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(id);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * "Activate account" for staff: per account a fresh link token and letter code (older ones
 * voided), the activation mail queued, the letter stored, the account marked invited and
 * audited. Accounts that are missing, deactivated or already active are skipped and say why.
 *
 * Each account is one atomic unit: its token, mail, letter and audit entry exist together or
 * not at all. A batch is written in a savepoint; when it fails, it is rolled back and written
 * again account by account, each in a savepoint of its own, so the others still go and the
 * failing account stays as it was and is reported as `failed`: the screen says what happened
 * to each, not "nothing was saved" when all but one went. The call's accounts commit together,
 * so a bulk run pays for one durable write per call, not per account; a crash loses at most the
 * uncommitted call, of which nothing was sent: mails leave only after their commit.
 */
export async function sendActivations(deps: CoreDeps, actor: Actor, accountIds: readonly number[]): Promise<ActivationReport[]> {
  return inTransactionWithSavepoints(deps.db, async (trx) => {
    // Settings and templates are read once for all accounts of the call, by it and its mails and letters.
    const { settings } = await startMailRun(trx);
    requirePortalUrl(settings);
    const run: ActivationRun = { actor, codeKey: deps.codeKey, activationDays: settings.activationDays, mails: await deps.accountMails.begin(trx), letters: await deps.activationLetters.begin(trx) };
    const report: ActivationReport[] = [];
    const failed = (accountId: number): ActivationReport => ({ accountId, outcome: 'failed', expiresAt: null });
    for (const batch of batchesOf(accountIds)) {
      const written = await inSavepoint(trx, 'activation_batch', () => issueActivations(trx, run, batch, deps.clock()));
      if (written.ok) {
        report.push(...written.value);
        continue;
      }
      if (batch.length === 1) {
        report.push(failed(batch[0] ?? 0));
        continue;
      }
      for (const accountId of batch) {
        const one = await inSavepoint(trx, 'activation_account', () => issueActivations(trx, run, [accountId], deps.clock()));
        report.push(...(one.ok ? one.value : [failed(accountId)]));
      }
    }
    return report;
  });
}

/** One answer for every failure a guesser could learn from: unknown, used, voided, expired, wrong code. */
const invalid = () => new AppError('INVALID_TOKEN', 'This activation link or code is not valid (any more).');

export interface ActivationInput {
  token: string;
  code: string;
  password: string;
}

/**
 * The customer's side: link token + letter code + a new password. Checks token, expiry and
 * single use, then the password policy (before the code: a weak password never uses up an
 * attempt, and its answer says nothing about the code), then the code; sets the password
 * (argon2id) and the activation time, voids every token and session of the account, audits,
 * and queues the welcome mail in the same transaction. Each code attempt is counted in SQL
 * before the code is compared, so parallel guesses count like sequential ones; the token dies
 * at the MAX_CODE_ATTEMPTS-th wrong code.
 */
export async function activateAccount(deps: CoreDeps, input: ActivationInput): Promise<{ accountId: number }> {
  const now = deps.clock();
  const at = now.toISOString();
  const tokenHash = hashToken(input.token.trim());
  const token = await findTokenByHash(deps.db, tokenHash);
  if (!token || token.kind !== 'activation' || token.used_at !== null || token.voided_at !== null || token.expires_at <= at || token.code_hash === null) {
    throw invalid();
  }
  const account = await findAccountState(deps.db, token.account_id);
  if (!account || account.active !== 1) throw invalid();
  await checkAccountPassword(deps.db, account.id, input.password);
  const attempts = await countCodeAttempt(deps.db, token.id, MAX_CODE_ATTEMPTS);
  if (attempts === undefined) throw invalid();
  if (!sameHash(token.code_hash, hashCode(deps.codeKey, tokenHash, input.code))) {
    if (attempts >= MAX_CODE_ATTEMPTS) await voidToken(deps.db, token.id, at);
    throw invalid();
  }
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    // Used once: a second request racing this one finds the token used and fails.
    if (!(await claimToken(trx, token.id, at))) throw invalid();
    await forgiveCodeAttempt(trx, token.id);
    await voidOpenTokens(trx, account.id, at);
    await markActivated(trx, account.id, passwordHash, at);
    // Nobody is signed in yet: the account itself is the actor.
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'activated', after: { activatedAt: at }, via: 'portal', accountId: account.id });
    await mailAccount(deps.accountMails, trx, account.id, { type: 'welcome' }, now);
  });
  return { accountId: account.id };
}
