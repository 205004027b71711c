import type { LinkKind, OpenedLink, PasswordRules } from '../../../shared/portal-api/passwords';
import { AppError } from '../../../shared/errors';
import { hashToken, newToken } from '../activation/account-secrets';
import { findAccountContact, findAccountState, findPasswordContext } from '../activation/activation-repository';
import { recipientOf } from '../activation/recipient';
import { findTokenByHash } from '../activation/token-repository';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readPasswordPolicy } from '../password-policy/password-policy-service';
import { readSettings } from '../settings/settings-service';
import { deleteExpiredLinkStates, findLinkState, insertLinkState } from './portal-password-repository';

/** How long an opened link waits for its form: long enough to find the letter, short enough to leave no trail. */
export const LINK_STATE_MINUTES = 15;

/** One answer for every bad link, state or code: unknown, used, voided, expired, of the other kind, wrong. */
export const invalidLink = () => new AppError('INVALID_TOKEN', 'This link or code is not valid (any more).');

/** A link that still works: its token row and its account. */
export interface UsableLink {
  /** The token as the mail carried it. */
  token: string;
  tokenId: number;
  accountId: number;
  username: string;
}

/** The token's row when it is of this kind, unused, not voided, not expired, and its account active; otherwise INVALID_TOKEN. */
async function usableLink(db: Executor, kind: LinkKind, token: string, at: string): Promise<UsableLink> {
  const row = await findTokenByHash(db, hashToken(token.trim()));
  if (!row || row.kind !== kind || row.used_at !== null || row.voided_at !== null || row.expires_at <= at || (kind === 'activation' && row.code_hash === null)) throw invalidLink();
  const account = await findAccountState(db, row.account_id);
  if (!account || account.active !== 1) throw invalidLink();
  return { token: token.trim(), tokenId: row.id, accountId: account.id, username: account.username };
}

/**
 * The customer opened a mail's link: its token is checked WITHOUT being used and kept, sealed,
 * in a state that lives LINK_STATE_MINUTES; the answer is the state's random name for a cookie,
 * so the page can drop the token from its address at once. Only the name's hash is stored.
 */
export async function openLink(deps: CoreDeps, kind: LinkKind, token: string): Promise<{ state: string }> {
  const now = deps.clock();
  const at = now.toISOString();
  const link = await usableLink(deps.db, kind, token, at);
  const state = newToken();
  await deps.db.transaction().execute(async (trx) => {
    await deleteExpiredLinkStates(trx, at);
    await insertLinkState(trx, {
      id: state.hash,
      kind,
      tokenId: link.tokenId,
      tokenEnc: deps.secretBox.encrypt(link.token),
      createdAt: at,
      expiresAt: new Date(now.getTime() + LINK_STATE_MINUTES * 60_000).toISOString(),
    });
  });
  return { state: state.raw };
}

/** The link an unexpired state of this kind holds, while its token still works; otherwise INVALID_TOKEN. */
export async function linkOfState(deps: CoreDeps, kind: LinkKind, state: string): Promise<UsableLink & { stateId: string }> {
  const at = deps.clock().toISOString();
  const stateId = hashToken(state);
  const row = await findLinkState(deps.db, stateId);
  if (!row || row.kind !== kind || row.expiresAt <= at) throw invalidLink();
  let token: string;
  try {
    token = deps.secretBox.decrypt(row.tokenEnc);
  } catch {
    // Sealed under another key (a restored database): as good as no link.
    throw invalidLink();
  }
  const link = await usableLink(deps.db, kind, token, at);
  if (link.tokenId !== row.tokenId) throw invalidLink();
  return { ...link, stateId };
}

/** The rules a new password of the account must meet: the policy, and its username and organisation names as context words. */
export async function passwordRulesOf(db: Executor, accountId: number): Promise<PasswordRules> {
  const context = await findPasswordContext(db, accountId);
  if (!context) throw invalidLink();
  return { policy: await readPasswordPolicy(db), context: { username: context.username, organisationNames: context.organisationNames } };
}

/** What the link's page shows: whose account, in the language its mail was written in, and the rules for the password (live feedback). */
export async function openedLink(deps: CoreDeps, kind: LinkKind, state: string): Promise<OpenedLink> {
  const link = await linkOfState(deps, kind, state);
  const contact = await findAccountContact(deps.db, link.accountId);
  if (!contact) throw invalidLink();
  const { language } = recipientOf(contact, (await readSettings(deps.db)).defaultLanguage);
  return { username: link.username, language, rules: await passwordRulesOf(deps.db, link.accountId) };
}
