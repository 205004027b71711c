import { sql } from 'kysely';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import type { Actor, CoreDeps } from '../context';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { findAccountContact, type AccountContact } from './account-mails';
import { checkAccountPassword } from './account-password';
import { hashCode, hashToken, newCode, newToken, sameHash } from './account-secrets';
import { readActivationSettings, requirePortalUrl } from './activation-settings';
import { findTokenByHash, insertToken, voidOpenTokens } from './token-repository';

/** Wrong codes a token survives; the next wrong one voids it. */
export const MAX_CODE_ATTEMPTS = 5;

const DAY = 86_400_000;

/** What an activation hands out once: the raw secrets go into the mail (link) and the letter (code), never into the database. */
export interface IssuedActivation {
  accountId: number;
  tokenId: number;
  token: string;
  code: string;
  expiresAt: string;
}

/**
 * Issues a fresh activation for one account inside the caller's transaction: every older
 * token of the account is voided, the new token and code are stored as hashes, the
 * account's activation columns are set (sent, by whom, expires) and it is audited.
 * The caller queues the mail and produces the letter in the same transaction. A bulk run
 * passes the activation lifetime it read once.
 */
export async function issueActivation(
  trx: Executor,
  codeKey: Buffer,
  actor: Actor | null,
  accountId: number,
  now: Date,
  activationDays?: number,
): Promise<IssuedActivation> {
  const at = now.toISOString();
  const days = activationDays ?? (await readActivationSettings(trx)).activationDays;
  const expiresAt = new Date(now.getTime() + days * DAY).toISOString();
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
    createdBy: actor?.id ?? null,
  });
  await markInvited(trx, at, actor?.id ?? null, expiresAt, accountId);
  await recordAudit(trx, {
    at,
    staffId: actor?.id ?? null,
    entity: 'portal-account',
    entityId: accountId,
    action: 'activation-sent',
    after: { expiresAt },
  });
  return { accountId, tokenId, token: token.raw, code, expiresAt };
}

// Compiled once: a bulk activation runs it for every account.
const markInvited = compiledOnce((db, at: string, by: number | null, expiresAt: string, accountId: number) =>
  db.updateTable('portal_account').set({ activation_sent_at: at, activation_sent_by: by, activation_expires_at: expiresAt, updated_at: at }).where('id', '=', accountId),
);

/** One answer for every failure a guesser could learn from: unknown, used, voided, expired, wrong code. */
const invalid = () => new AppError('INVALID_TOKEN', 'This activation link or code is not valid (any more).');

export interface ActivationInput {
  token: string;
  code: string;
  password: string;
}

/**
 * The customer's side: link token + letter code + a new password. Checks token, code,
 * expiry and single use, then the password policy; sets the password (argon2id) and the
 * activation time, voids every token and session of the account, audits, and lets the
 * caller queue the welcome mail in the same transaction. A wrong
 * code counts against the token, which dies after MAX_CODE_ATTEMPTS.
 */
/** Called inside the activation's transaction, to queue the welcome mail. */
export type ActivatedHook = (trx: Executor, accountId: number) => Promise<void>;

export async function activateAccount(deps: CoreDeps, codeKey: Buffer, input: ActivationInput, onActivated?: ActivatedHook): Promise<{ accountId: number }> {
  const now = deps.clock();
  const at = now.toISOString();
  const tokenHash = hashToken(input.token.trim());
  const token = await findTokenByHash(deps.db, tokenHash);
  if (!token || token.kind !== 'activation' || token.used_at !== null || token.voided_at !== null || token.expires_at <= at || token.code_hash === null) {
    throw invalid();
  }
  if (!sameHash(token.code_hash, hashCode(codeKey, tokenHash, input.code))) {
    const attempts = token.failed_attempts + 1;
    await deps.db
      .updateTable('portal_account_token')
      .set({ failed_attempts: attempts, ...(attempts >= MAX_CODE_ATTEMPTS ? { voided_at: at } : {}) })
      .where('id', '=', token.id)
      .execute();
    throw invalid();
  }
  const account = await deps.db.selectFrom('portal_account').select(['id', 'username', 'active']).where('id', '=', token.account_id).executeTakeFirst();
  if (!account || account.active !== 1) throw invalid();
  await checkAccountPassword(deps.db, account.id, input.password);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    // Used once: a second request racing this one finds the token used and fails.
    const claimed = await trx
      .updateTable('portal_account_token')
      .set({ used_at: at })
      .where('id', '=', token.id)
      .where('used_at', 'is', null)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw invalid();
    await voidOpenTokens(trx, account.id, at);
    await trx
      .updateTable('portal_account')
      .set((eb) => ({ password_hash: passwordHash, activated_at: at, failed_sign_ins: 0, security_stamp: eb('security_stamp', '+', 1), updated_at: at }))
      .where('id', '=', account.id)
      .execute();
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: account.id, action: 'activated', after: { activatedAt: at }, via: 'portal' });
    if (onActivated) await onActivated(trx, account.id);
  });
  return { accountId: account.id };
}

/** Staff issue activations for accounts; the caller's hook adds the mail and the letter, in the account's savepoint. */
export type ActivationHook = (trx: Executor, issued: IssuedActivation, account: AccountContact) => Promise<void>;

export type ActivationOutcome = 'sent' | 'skipped_inactive' | 'skipped_activated' | 'skipped_missing';

type SkipFacts = Pick<AccountContact, 'active' | 'activated_at' | 'password_hash'>;

/** Why an account gets no activation, or null when it gets one: it must exist, be switched on and not have access yet. */
export function skipReason(account: SkipFacts | undefined): Exclude<ActivationOutcome, 'sent'> | null {
  if (!account) return 'skipped_missing';
  if (account.active !== 1) return 'skipped_inactive';
  if (account.activated_at !== null || account.password_hash !== null) return 'skipped_activated';
  return null;
}

export async function activationSkip(db: Executor, accountId: number): Promise<Exclude<ActivationOutcome, 'sent'> | null> {
  return skipReason(await db.selectFrom('portal_account').select(['active', 'activated_at', 'password_hash']).where('id', '=', accountId).executeTakeFirst());
}

export async function sendActivations(
  deps: CoreDeps,
  codeKey: Buffer,
  actor: Actor,
  accountIds: readonly number[],
  hook?: ActivationHook,
): Promise<{ accountId: number; outcome: ActivationOutcome; expiresAt: string | null }[]> {
  // Each account is one atomic unit (a savepoint: its token, mail, letter and audit entry
  // exist together or not at all); the call's accounts commit together, so a bulk run pays
  // for one durable write per chunk, not per account. A crash loses at most the uncommitted
  // chunk, of which nothing was sent: mails leave only after their commit.
  return deps.db.transaction().execute(async (trx) => {
    const settings = await readActivationSettings(trx);
    requirePortalUrl(settings);
    const { activationDays } = settings;
    const report: { accountId: number; outcome: ActivationOutcome; expiresAt: string | null }[] = [];
    for (const accountId of accountIds) {
      await sql`SAVEPOINT activation`.execute(trx);
      try {
        const account = await findAccountContact(trx, accountId);
        const skipped = skipReason(account);
        if (skipped || !account) {
          report.push({ accountId, outcome: skipped ?? 'skipped_missing', expiresAt: null });
        } else {
          const issued = await issueActivation(trx, codeKey, actor, accountId, deps.clock(), activationDays);
          if (hook) await hook(trx, issued, account);
          report.push({ accountId, outcome: 'sent', expiresAt: issued.expiresAt });
        }
        await sql`RELEASE activation`.execute(trx);
      } catch (error) {
        await sql`ROLLBACK TO activation`.execute(trx);
        throw error;
      }
    }
    return report;
  });
}
