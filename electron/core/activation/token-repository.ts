import type { Executor } from '../db/connection';
import type { PortalAccountTokenTable } from '../db/schema';

export type TokenKind = PortalAccountTokenTable['kind'];

export interface NewToken {
  accountId: number;
  kind: TokenKind;
  tokenHash: string;
  codeHash: string | null;
  expiresAt: string;
  createdAt: string;
  createdBy: number | null;
}

/** The columns of a new token's row. */
const tokenValues = (t: NewToken) => ({ account_id: t.accountId, kind: t.kind, token_hash: t.tokenHash, code_hash: t.codeHash, expires_at: t.expiresAt, created_at: t.createdAt, created_by: t.createdBy });

/** Inserts one token (a set-password link); returns its id. */
export async function insertToken(trx: Executor, t: NewToken): Promise<number> {
  const { id } = await trx.insertInto('portal_account_token').values(tokenValues(t)).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Inserts many tokens in one statement (a bulk activation's batch); their ids by account (one token per account). */
export async function insertTokens(trx: Executor, tokens: readonly NewToken[]): Promise<Map<number, number>> {
  if (tokens.length === 0) return new Map();
  const rows = await trx
    .insertInto('portal_account_token')
    .values(tokens.map(tokenValues))
    // RETURNING promises no order: the account tells which id is whose.
    .returning(['id', 'account_id'])
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.id]));
}

/** Voids every open token of the accounts `ids` in one statement (a bulk activation's batch issues new ones). */
export async function voidOpenTokensOf(trx: Executor, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('portal_account_token').set({ voided_at: now }).where('account_id', 'in', [...ids]).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
}

/** Voids every open token of the account (a new one was issued, it was used, or the password changed). */
export function voidOpenTokens(trx: Executor, accountId: number, now: string): Promise<void> {
  return voidOpenTokensOf(trx, [accountId], now);
}

export async function findTokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('portal_account_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Counts one code attempt against the token BEFORE the code is compared, in SQL: parallel
 * guesses count one each, and none is compared once the attempts are used up. Returns the new
 * count, or undefined when the token is used, voided or out of attempts.
 */
export async function countCodeAttempt(db: Executor, tokenId: number, maxAttempts: number): Promise<number | undefined> {
  const row = await db
    .updateTable('portal_account_token')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', tokenId)
    .where('failed_attempts', '<', maxAttempts)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts;
}

/** The code was right after all: its attempt was no failure. */
export async function forgiveCodeAttempt(trx: Executor, tokenId: number): Promise<void> {
  await trx
    .updateTable('portal_account_token')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '-', 1) }))
    .where('id', '=', tokenId)
    .where('failed_attempts', '>', 0)
    .execute();
}

/** Voids one token (its last allowed code was wrong). */
export async function voidToken(db: Executor, tokenId: number, at: string): Promise<void> {
  await db.updateTable('portal_account_token').set({ voided_at: at }).where('id', '=', tokenId).where('voided_at', 'is', null).execute();
}

/** Marks the token used, unless it already is or was voided; false when another request got there first. */
export async function claimToken(trx: Executor, tokenId: number, at: string): Promise<boolean> {
  const claimed = await trx.updateTable('portal_account_token').set({ used_at: at }).where('id', '=', tokenId).where('used_at', 'is', null).where('voided_at', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
