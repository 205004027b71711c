import type { ParsedInputOf } from '../../../shared/api';
import type { BulkStepResult } from '../../../shared/api/portal-accounts';
import { AppError, isAppError } from '../../../shared/errors';
import type { Actor, CoreDeps } from '../context';
import { deleteAccount, setAccountActive } from './account-service';
import { countMatchingAccounts, matchingAccounts, type AccountsMatchingQuery, type MatchingAccount } from './account-selection-repository';

/*
 * Bulk actions over "every account the list shows, bar a few": the renderer sends the list's
 * filter, never the ids of accounts it has not even loaded, and the core resolves the filter
 * with the list's own conditions. Changes go a step of `limit` accounts at a time, in id
 * order, so the renderer can show progress and a step never holds the database for long.
 */

type Outcome = BulkStepResult['outcomes'][number]['outcome'];
type StepInput = AccountsMatchingQuery & { afterId: number; limit: number };

async function step(deps: CoreDeps, input: StepInput, act: (account: MatchingAccount) => Promise<Outcome>): Promise<BulkStepResult> {
  const now = deps.clock();
  const total = input.afterId === 0 ? await countMatchingAccounts(deps.db, input, now) : null;
  const accounts = await matchingAccounts(deps.db, input, now, input.afterId, input.limit);
  const outcomes: BulkStepResult['outcomes'] = [];
  for (const account of accounts) {
    try {
      outcomes.push({ accountId: account.id, outcome: await act(account), error: null });
    } catch (error) {
      // Each account is changed in its own transaction, as one by one: a refusal (say, an account
      // deleted meanwhile) is reported for that account and the others go on.
      if (!isAppError(error)) throw error;
      outcomes.push({ accountId: account.id, outcome: 'failed', error: { code: error.code, message: error.message } });
    }
  }
  const last = accounts.at(-1);
  return { total, outcomes, nextAfterId: last && accounts.length === input.limit ? last.id : null };
}

/** One step of "Deactivate"/"Reactivate" over the list's accounts; those already so are left alone (and not audited). */
export function setActiveMatching(deps: CoreDeps, actor: Actor, input: ParsedInputOf<'portal-accounts:set-active-matching'>): Promise<BulkStepResult> {
  return step(deps, input, async (account) => {
    if (account.active === input.active) return 'unchanged';
    await setAccountActive(deps, actor, account.id, input.active);
    return 'changed';
  });
}

/** One step of "Delete" over the list's accounts. */
export function deleteMatching(deps: CoreDeps, actor: Actor, input: ParsedInputOf<'portal-accounts:delete-matching'>): Promise<BulkStepResult> {
  return step(deps, input, async (account) => {
    await deleteAccount(deps, actor, account.id);
    return 'changed';
  });
}

/**
 * The ids of every account the list shows (bar `exceptIds`), in id order, in one query; more
 * than `max` is refused with the field error too_many, so a run stays one the user can review.
 */
export async function matchingAccountIds(deps: CoreDeps, q: AccountsMatchingQuery, max: number): Promise<number[]> {
  const accounts = await matchingAccounts(deps.db, q, deps.clock(), 0, max + 1);
  if (accounts.length > max) {
    throw new AppError('VALIDATION', `More than ${max} accounts match; narrow the list first.`, { fields: { filter: { code: 'too_many', max } } });
  }
  return accounts.map((a) => a.id);
}
