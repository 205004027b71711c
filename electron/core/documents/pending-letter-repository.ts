import type { Executor } from '../db/connection';

/**
 * The activation letters still to be posted: of every active account whose invitation is open
 * (sent, not expired, no password yet), its newest letter; older ones carry a voided code.
 */
export async function findPendingLetterIds(db: Executor, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('document as d')
    .innerJoin('portal_account as a', 'a.id', 'd.account_id')
    .select(['d.id', 'd.account_id'])
    .where('d.kind', '=', 'activation-letter')
    .where('a.active', '=', 1)
    .where('a.activated_at', 'is', null)
    .where('a.password_hash', 'is', null)
    .where('a.activation_expires_at', '>', now.toISOString())
    .orderBy('d.id', 'desc')
    .execute();
  const newest = new Map<number, number>();
  for (const r of rows) if (r.account_id !== null && !newest.has(r.account_id)) newest.set(r.account_id, r.id);
  return [...newest.values()];
}
