import type { Executor } from '../db/connection';
import type { PortalLinkStateTable } from '../db/schema';

export interface NewLinkState {
  /** SHA-256 (hex) of the cookie value. */
  id: string;
  kind: PortalLinkStateTable['kind'];
  tokenId: number;
  tokenEnc: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertLinkState(db: Executor, s: NewLinkState): Promise<void> {
  await db
    .insertInto('portal_link_state')
    .values({ id: s.id, kind: s.kind, token_id: s.tokenId, token_enc: s.tokenEnc, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
}

/** A link state by its cookie's hash (expired or not: the caller decides). */
export async function findLinkState(db: Executor, id: string) {
  return db.selectFrom('portal_link_state').select(['id', 'kind', 'token_id as tokenId', 'token_enc as tokenEnc', 'expires_at as expiresAt']).where('id', '=', id).executeTakeFirst();
}

export async function deleteLinkState(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('portal_link_state').where('id', '=', id).execute();
}

/** States past their 15 minutes: gone for good (their cookies answer "use the link in the mail" anyway). */
export async function deleteExpiredLinkStates(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('portal_link_state').where('expires_at', '<=', now).execute();
}

/** What "forgot password" needs of an account, found by its username key. */
export async function findAccountForReset(db: Executor, usernameKey: string) {
  return db.selectFrom('portal_account').select(['id', 'active', 'password_hash as passwordHash']).where('username_key', '=', usernameKey).executeTakeFirst();
}

/** The account's security stamp as it is now (after a password change raised it). */
export async function findAccountStamp(db: Executor, accountId: number): Promise<number | undefined> {
  return (await db.selectFrom('portal_account').select('security_stamp').where('id', '=', accountId).executeTakeFirst())?.security_stamp;
}
