import type { OutputOf } from '../../../shared/api';
import type { ActivationOutcome } from '../../../shared/api/activation';
import { recordAuditMany } from '../audit/audit-log';
import type { Actor } from '../context';
import type { Executor } from '../db/connection';
import { hashCode, newCode, newToken } from './account-secrets';
import type { AccountMail, AccountMailQueue, ActivationLetterInput, ActivationLetterStore } from './activation-ports';
import { findInvitationCandidates, markInvited, type AccountContact, type InvitationCandidate } from './activation-repository';
import { insertTokens, voidOpenTokensOf } from './token-repository';

/** What an activation did for one account, as the contract states it. */
export type ActivationReport = OutputOf<'portal-accounts:send-activation'>[number];

type SkipFacts = Pick<AccountContact, 'active' | 'activated_at' | 'password_hash'>;

/** Why an account gets no activation, or null when it gets one: it must exist, be switched on and not have access yet. */
export function skipReason(account: SkipFacts | undefined): Exclude<ActivationOutcome, 'sent'> | null {
  if (!account) return 'skipped_missing';
  if (account.active !== 1) return 'skipped_inactive';
  if (account.activated_at !== null || account.password_hash !== null) return 'skipped_activated';
  return null;
}

const DAY = 86_400_000;

/** What every batch of one "Activate account" call shares: who sends, how long links live, where mails and letters go. */
export interface ActivationRun {
  actor: Actor;
  codeKey: Buffer;
  activationDays: number;
  mails: AccountMailQueue;
  letters: ActivationLetterStore;
}

/**
 * Issues fresh activations to a batch of accounts (each id once) inside the caller's
 * transaction, with one statement per step for the whole batch instead of one per account
 * (on PostgreSQL every statement is a round trip): the accounts read, who is skipped decided
 * here, every older token voided, the new tokens and codes stored as hashes, the accounts
 * marked invited (sent, by whom, expires), audited, their mails queued and letters stored.
 * The report is in the order of `ids`.
 */
export async function issueActivations(trx: Executor, run: ActivationRun, ids: readonly number[], now: Date): Promise<ActivationReport[]> {
  const found = new Map((await findInvitationCandidates(trx, ids)).map((a) => [a.id, a]));
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + run.activationDays * DAY).toISOString();
  const invited: InvitationCandidate[] = [];
  const report = ids.map((accountId): ActivationReport => {
    const account = found.get(accountId);
    const skipped = skipReason(account);
    if (skipped || !account) return { accountId, outcome: skipped ?? 'skipped_missing', expiresAt: null };
    invited.push(account);
    return { accountId, outcome: 'sent', expiresAt };
  });
  if (invited.length === 0) return report;

  const invitedIds = invited.map((a) => a.id);
  // Most accounts of a bulk run were never invited: no older token to void, no statement.
  await voidOpenTokensOf(trx, invited.filter((a) => a.open_tokens === 1).map((a) => a.id), at);
  const secrets = invited.map((to) => ({ to, token: newToken(), code: newCode() }));
  const tokenIds = await insertTokens(
    trx,
    secrets.map(({ to, token, code }) => ({
      accountId: to.id,
      kind: 'activation' as const,
      tokenHash: token.hash,
      codeHash: hashCode(run.codeKey, token.hash, code),
      expiresAt,
      createdAt: at,
      createdBy: run.actor.id,
    })),
  );
  const mails: AccountMail[] = [];
  const letters: ActivationLetterInput[] = [];
  for (const { to, token, code } of secrets) {
    const tokenId = tokenIds.get(to.id);
    if (tokenId === undefined) throw new Error(`The token of portal account ${to.id} was not written.`);
    mails.push({ type: 'activation', to, link: { token: token.raw, expiresAt } });
    letters.push({ issued: { accountId: to.id, tokenId, token: token.raw, code, expiresAt }, to, staffId: run.actor.id });
  }
  // The label is the username, as recordAudit would read it for a portal account.
  const audit = invited.map((a) => ({ at, staffId: run.actor.id, entity: 'portal-account' as const, entityId: a.id, action: 'activation-sent' as const, after: { expiresAt }, label: a.username }));
  await markInvited(trx, invitedIds, at, run.actor.id, expiresAt);
  await recordAuditMany(trx, audit);
  await run.mails.queueMany(mails, now);
  await run.letters.storeMany(letters, now);
  return report;
}

