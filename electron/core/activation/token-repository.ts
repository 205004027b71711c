import { compiledOnce } from '../db/compiled-once';
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

// Compiled once, like voidTokens: a bulk activation issues thousands.
const insertTokenRow = compiledOnce(
  (db, accountId: number, kind: TokenKind, tokenHash: string, codeHash: string | null, expiresAt: string, createdAt: string, createdBy: number | null) =>
    db
      .insertInto('portal_account_token')
      .values({ account_id: accountId, kind, token_hash: tokenHash, code_hash: codeHash, expires_at: expiresAt, created_at: createdAt, created_by: createdBy })
      .returning('id'),
);

export async function insertToken(trx: Executor, t: NewToken): Promise<number> {
  const { rows } = await insertTokenRow(trx, t.accountId, t.kind, t.tokenHash, t.codeHash, t.expiresAt, t.createdAt, t.createdBy);
  if (!rows[0]) throw new Error('The token was not written.');
  return rows[0].id;
}

/** Voids every open token of the account (a new one was issued, it was used, or the password changed). */
export async function voidOpenTokens(trx: Executor, accountId: number, now: string): Promise<void> {
  await voidTokens(trx, now, accountId);
}

const voidTokens = compiledOnce((db, now: string, accountId: number) =>
  db.updateTable('portal_account_token').set({ voided_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).where('voided_at', 'is', null),
);

export async function findTokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('portal_account_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** A wrong code counts against its token; at the limit the token is voided too. */
export async function recordWrongCode(db: Executor, tokenId: number, attempts: number, voidedAt: string | null): Promise<void> {
  await db
    .updateTable('portal_account_token')
    .set({ failed_attempts: attempts, ...(voidedAt !== null ? { voided_at: voidedAt } : {}) })
    .where('id', '=', tokenId)
    .execute();
}

/** Marks the token used, unless it already is or was voided; false when another request got there first. */
export async function claimToken(trx: Executor, tokenId: number, at: string): Promise<boolean> {
  const claimed = await trx.updateTable('portal_account_token').set({ used_at: at }).where('id', '=', tokenId).where('used_at', 'is', null).where('voided_at', 'is', null).executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
