import type { Executor } from '../db/connection';

export type TokenKind = 'activation' | 'set-password';

export interface NewToken {
  accountId: number;
  kind: TokenKind;
  tokenHash: string;
  codeHash: string | null;
  expiresAt: string;
  createdAt: string;
  createdBy: number | null;
}

export async function insertToken(trx: Executor, t: NewToken): Promise<number> {
  const row = await trx
    .insertInto('portal_account_token')
    .values({
      account_id: t.accountId,
      kind: t.kind,
      token_hash: t.tokenHash,
      code_hash: t.codeHash,
      expires_at: t.expiresAt,
      created_at: t.createdAt,
      created_by: t.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Voids every open token of the account (a new one was issued, it was used, or the password changed). */
export async function voidOpenTokens(trx: Executor, accountId: number, now: string): Promise<void> {
  await trx
    .updateTable('portal_account_token')
    .set({ voided_at: now })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .execute();
}

export async function findTokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('portal_account_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
