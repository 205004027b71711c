import { sql } from 'kysely';
import type { UiLanguage } from '../../../shared/api/common';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { sqlFor } from '../db/dialect/of-database';

// The portal account as activation and password changes see it: its contact data for
// mails and letters, its activation columns and its password. The account's other columns
// belong to portal-accounts/.

/** An account with its default organisation and person: everything a mail or a letter to it needs, read at once. */
export interface AccountContact {
  id: number;
  username: string;
  nickname: string | null;
  language: UiLanguage | 'default';
  active: number;
  activated_at: string | null;
  password_hash: string | null;
  organisation: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  salutation: string | null;
  first_name: string | null;
  last_name: string | null;
  person_language: UiLanguage | 'default' | null;
}

/**
 * The accounts with their default organisation and person, as AccountContact has them; the
 * caller says which. `ids` also narrows the links read: PostgreSQL then reads those accounts'
 * links by index even while its statistics still think the link table small (right after a
 * bulk import), where it would otherwise hash every default link. The default link is written
 * out (sqlFor.flag), not a bound parameter: only then can SQLite use the partial index of default links.
 */
const accountContacts = (db: Executor, ids?: readonly number[]) =>
  db
    .selectFrom('portal_account as a')
    .leftJoin('portal_account_link as l', (j) => {
      const join = j.onRef('l.account_id', '=', 'a.id').on(sqlFor(db).flag('l.is_default', true));
      return ids ? join.on('l.account_id', 'in', [...ids]) : join;
    })
    .leftJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select([
      'a.id',
      'a.username',
      'a.nickname',
      'a.language',
      'a.active',
      'a.activated_at',
      'a.password_hash',
      'o.name as organisation',
      'o.address_line1',
      'o.address_line2',
      'o.postal_code',
      'o.city',
      'o.country',
      'p.salutation',
      'p.first_name',
      'p.last_name',
      'p.language as person_language',
    ]);

// Compiled once: mails to one account (a password change, a ticket's status) read it this way.
const selectAccountContact = compiledOnce((db, accountId: number) => accountContacts(db).where('a.id', '=', accountId));

export async function findAccountContact(trx: Executor, accountId: number): Promise<AccountContact | undefined> {
  return (await selectAccountContact(trx, accountId)).rows[0];
}

/** An account a bulk activation may invite, and whether it has open tokens (older links and codes to void). */
export type InvitationCandidate = AccountContact & { open_tokens: number };

/** Those of the accounts `ids` that exist, in one query (a bulk activation's batch), in no particular order. */
export async function findInvitationCandidates(trx: Executor, ids: readonly number[]): Promise<InvitationCandidate[]> {
  if (ids.length === 0) return [];
  return accountContacts(trx, ids)
    .select((eb) =>
      eb
        .case()
        .when(eb.exists(eb.selectFrom('portal_account_token as t').select('t.id').whereRef('t.account_id', '=', 'a.id').where('t.used_at', 'is', null).where('t.voided_at', 'is', null)))
        .then(sql.lit(1))
        .else(sql.lit(0))
        .end()
        .as('open_tokens'),
    )
    .where('a.id', 'in', [...ids])
    .execute();
}

/** Whether the account exists and is switched on, with its username. */
export async function findAccountState(db: Executor, accountId: number): Promise<{ id: number; username: string; active: number } | undefined> {
  return db.selectFrom('portal_account').select(['id', 'username', 'active']).where('id', '=', accountId).executeTakeFirst();
}

/** The password policy's context words for the account: its username and its organisations' names; undefined when it does not exist. */
export async function findPasswordContext(db: Executor, accountId: number): Promise<{ username: string; organisationNames: string[] } | undefined> {
  const account = await db.selectFrom('portal_account').select('username').where('id', '=', accountId).executeTakeFirst();
  if (!account) return undefined;
  const organisations = await db
    .selectFrom('portal_account_link as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select('o.name')
    .where('l.account_id', '=', accountId)
    .execute();
  return { username: account.username, organisationNames: organisations.map((o) => o.name) };
}

/** The activation columns of the accounts `ids`, in one statement: sent when, by whom, expiring when. */
export async function markInvited(trx: Executor, ids: readonly number[], at: string, by: number | null, expiresAt: string): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('portal_account').set({ activation_sent_at: at, activation_sent_by: by, activation_expires_at: expiresAt, updated_at: at }).where('id', 'in', [...ids]).execute();
}

/**
 * A new password set by staff or through a link: sign-in failures and lock cleared, the security
 * stamp raised (every session dies). `mustChangePassword`: staff ask the customer to choose their
 * own at the next sign-in; any other new password (the customer's own) settles that request.
 */
export async function writeAccountPassword(trx: Executor, accountId: number, passwordHash: string, at: string, mustChangePassword = false): Promise<void> {
  await trx
    .updateTable('portal_account')
    .set((eb) => ({
      password_hash: passwordHash,
      failed_sign_ins: 0,
      locked_until: null,
      must_change_password: mustChangePassword ? 1 : 0,
      security_stamp: eb('security_stamp', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', accountId)
    .execute();
}

/** The customer chose a password of their own: staff's "must change at next sign-in" is done. */
export async function clearMustChangePassword(trx: Executor, accountId: number): Promise<void> {
  await trx.updateTable('portal_account').set({ must_change_password: 0 }).where('id', '=', accountId).where('must_change_password', '=', 1).execute();
}

/** The customer's first password: the account is activated now; sign-in failures cleared, the security stamp raised. */
export async function markActivated(trx: Executor, accountId: number, passwordHash: string, at: string): Promise<void> {
  await trx
    .updateTable('portal_account')
    .set((eb) => ({ password_hash: passwordHash, activated_at: at, failed_sign_ins: 0, security_stamp: eb('security_stamp', '+', 1), updated_at: at }))
    .where('id', '=', accountId)
    .execute();
}
