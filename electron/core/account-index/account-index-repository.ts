import { sql, type RawBuilder } from 'kysely';
import { searchKey } from '../../../shared/text-key';
import type { Executor } from '../db/connection';
import { dialectOf, sqlFor } from '../db/dialect/of-database';

/**
 * What the account list searches and sorts on, copied from the accounts' links:
 * person_sort and organisation_sort (the default link's name keys, for index-backed
 * sorting) and the search document (migration 0006) of search keys (shared/text-key.ts,
 * migration 0016), so the search folds ø, ł, æ, ß... like every other search. The services call
 * refreshAccountIndex after every change to an account, its links, or the name or
 * email of a linked organisation or person.
 *
 * The index's second column is the account's quick-filter stage (migration 0024), so a quick
 * filter and a search are one index query; sweepInvitationStages keeps it in step with the clock.
 *
 * Its own folder: the contacts' services refresh it when a name changes, and the portal
 * accounts' folder depends on contacts (for names), so it can live in neither.
 */

/** The search document of account `a`: username, nickname, every linked organisation's name and person's name and email. */
export const searchDocument = (db: Executor) => sql<string>`concat_ws(' ', a.username_key, a.nickname_key,
  (SELECT ${sqlFor(db).joined(sql`concat_ws(' ', o.name_key, p.search_key)`, ' ')}
   FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id LEFT JOIN person p ON p.id = l.person_id
   WHERE l.account_id = a.id))`;

/** The nickname as the search document holds it; written with the nickname (SQL cannot fold Unicode). */
export const nicknameKey = (nickname: string | null): string | null => (nickname === null ? null : searchKey(nickname));

/** Which accounts to refresh: one account, or every account linked to an organisation or a person. */
export type AccountIndexScope = { accountId: number } | { accountIds: readonly number[] } | { organisationId: number } | { personId: number };

function accountIds(db: Executor, scope: AccountIndexScope): RawBuilder<unknown> {
  // One bound list, whatever the number of accounts (an import's chunk).
  if ('accountId' in scope) return sqlFor(db).integers([scope.accountId]);
  if ('accountIds' in scope) return sqlFor(db).integers(scope.accountIds);
  if ('organisationId' in scope) return sql`SELECT account_id FROM portal_account_link WHERE organisation_id = ${scope.organisationId}`;
  return sql`SELECT account_id FROM portal_account_link WHERE person_id = ${scope.personId}`;
}

export async function refreshAccountIndex(trx: Executor, scope: AccountIndexScope): Promise<void> {
  const ids = accountIds(trx, scope);
  await sql`
    UPDATE portal_account AS a SET
      person_sort = (SELECT p.name_key FROM portal_account_link l JOIN person p ON p.id = l.person_id
                     WHERE l.account_id = a.id AND ${sqlFor(trx).flag('l.is_default', true)}),
      organisation_sort = (SELECT o.name_key FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id
                           WHERE l.account_id = a.id AND ${sqlFor(trx).flag('l.is_default', true)})
    WHERE a.id IN (${ids})`.execute(trx);
  // The row keeps its document (a frequent term is tested against it row by row), the trigram index a copy.
  await sql`UPDATE portal_account AS a SET search_document = ${searchDocument(trx)} WHERE a.id IN (${ids})`.execute(trx);
  await dialectOf(trx).refreshAccountSearch(trx, ids);
}

/**
 * Brings the search index's quick-filter stages up to `now` (migration 0024): invitations that
 * ran out become 'exp', and, should the clock have gone back, ones that have not run out at
 * `now` are 'inv' again. The trigger of migration 0024 rewrites their index rows. Two ranges of
 * portal_account_search_stage_expires, nothing to read when nothing is due; a backlog (the back
 * office was closed for days) is swept `chunk` accounts per statement, so no write waits long
 * behind it. Resolves to the number of accounts whose stage changed.
 */
export async function sweepInvitationStages(db: Executor, now: string, chunk = 1_000): Promise<number> {
  const ranOut = sql`
    UPDATE portal_account SET lapsed_expiry = activation_expires_at WHERE id IN (
      SELECT id FROM portal_account WHERE access_stage = 1 AND search_stage = 'inv' AND activation_expires_at <= ${now} LIMIT ${chunk})`;
  const reopened = sql`
    UPDATE portal_account SET lapsed_expiry = NULL WHERE id IN (
      SELECT id FROM portal_account WHERE access_stage = 1 AND search_stage = 'exp' AND activation_expires_at > ${now} LIMIT ${chunk})`;
  let changed = 0;
  for (const statement of [ranOut, reopened]) {
    for (;;) {
      const n = Number((await statement.execute(db)).numAffectedRows ?? 0n);
      changed += n;
      if (n < chunk) break;
    }
  }
  return changed;
}
