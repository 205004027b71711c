import type { OutputOf } from '../../../shared/api';
import type { ActivationOutcome } from '../../../shared/api/activation';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readActivationSettings, requirePortalUrl } from '../settings/activation-settings';
import { readSettings } from '../settings/settings-service';
import { checkAccountPassword } from './account-password';
import { hashCode, hashToken, newCode, newToken, sameHash } from './account-secrets';
import type { IssuedActivation } from './activation-ports';
import { findAccountContact, findAccountState, inSavepoint, markActivated, markInvited, type AccountContact } from './activation-repository';
import { mailAccount } from './mail-account';
import { recipientOf } from './recipient';
import { claimToken, countCodeAttempt, findTokenByHash, forgiveCodeAttempt, insertToken, voidOpenTokens, voidToken } from './token-repository';

export type { IssuedActivation } from './activation-ports';

/** Wrong codes a token survives; the next wrong one voids it. */
export const MAX_CODE_ATTEMPTS = 5;

const DAY = 86_400_000;

/**
 * Issues a fresh activation for one account inside the caller's transaction: every older
 * token of the account is voided, the new token and code are stored as hashes, the
 * account's activation columns are set (sent, by whom, expires) and it is audited.
 */
async function issueActivation(trx: Executor, codeKey: Buffer, actor: Actor, accountId: number, now: Date, activationDays: number): Promise<IssuedActivation> {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + activationDays * DAY).toISOString();
  await voidOpenTokens(trx, accountId, at);
  const token = newToken();
  const code = newCode();
  const tokenId = await insertToken(trx, {
    accountId,
    kind: 'activation',
    tokenHash: token.hash,
    codeHash: hashCode(codeKey, token.hash, code),
    expiresAt,
    createdAt: at,
    createdBy: actor.id,
  });
  await markInvited(trx, accountId, at, actor.id, expiresAt);
  await recordAudit(trx, {
    at,
    staffId: actor.id,
    entity: 'portal-account',
    entityId: accountId,
    action: 'activation-sent',
    after: { expiresAt },
  });
  return { accountId, tokenId, token: token.raw, code, expiresAt };
}

type SkipFacts = Pick<AccountContact, 'active' | 'activated_at' | 'password_hash'>;

/** Why an account gets no activation, or null when it gets one: it must exist, be switched on and not have access yet. */
function skipReason(account: SkipFacts | undefined): Exclude<ActivationOutcome, 'sent'> | null {
  if (!account) return 'skipped_missing';
  if (account.active !== 1) return 'skipped_inactive';
  if (account.activated_at !== null || account.password_hash !== null) return 'skipped_activated';
  return null;
}

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

/** What an activation did for one account, as the contract states it. */
export type ActivationReport = OutputOf<'portal-accounts:send-activation'>[number];

/**
 * "Activate account" for staff: per account a fresh link token and letter code (older ones
 * voided), the activation mail queued, the letter stored, the account marked invited and
 * audited. Accounts that are missing, deactivated or already active are skipped and say why.
 */
export async function sendActivations(deps: CoreDeps, actor: Actor, accountIds: readonly number[]): Promise<ActivationReport[]> {
  // Each account is one atomic unit (a savepoint: its token, mail, letter and audit entry
  // exist together or not at all); the call's accounts commit together, so a bulk run pays
  // for one durable write per chunk, not per account. A crash loses at most the uncommitted
  // chunk, of which nothing was sent: mails leave only after their commit.
  return deps.db.transaction().execute(async (trx) => {
    const settings = await readActivationSettings(trx);
    requirePortalUrl(settings);
    // Settings and templates are read once for all accounts of the call.
    const mails = await deps.accountMails.begin(trx);
    const letters = await deps.activationLetters.begin(trx);
    const report: ActivationReport[] = [];
    for (const accountId of accountIds) {
      report.push(
        await inSavepoint(trx, async (): Promise<ActivationReport> => {
          const account = await findAccountContact(trx, accountId);
          const skipped = skipReason(account);
          if (skipped || !account) return { accountId, outcome: skipped ?? 'skipped_missing', expiresAt: null };
          const now = deps.clock();
          const issued = await issueActivation(trx, deps.codeKey, actor, accountId, now, settings.activationDays);
          await mails.queue({ type: 'activation', to: account, link: { token: issued.token, expiresAt: issued.expiresAt } }, now);
          await letters.store({ issued, to: account, staffId: actor.id }, now);
          return { accountId, outcome: 'sent', expiresAt: issued.expiresAt };
        }),
      );
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
