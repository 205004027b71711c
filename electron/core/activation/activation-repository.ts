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

// Compiled once: a bulk activation reads thousands of accounts this way. The default link is
// written out, not a bound parameter: only then can SQLite use the partial index of default links.
const selectAccountContact = compiledOnce((db, accountId: number) =>
  db
    .selectFrom('portal_account as a')
    .leftJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on(sqlFor(db).flag('l.is_default', true)))
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
    ])
    .where('a.id', '=', accountId),
);

export async function findAccountContact(trx: Executor, accountId: number): Promise<AccountContact | undefined> {
  return (await selectAccountContact(trx, accountId)).rows[0];
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

// Compiled once: a bulk activation runs it for every account.
const markInvitedRow = compiledOnce((db, at: string, by: number | null, expiresAt: string, accountId: number) =>
  db.updateTable('portal_account').set({ activation_sent_at: at, activation_sent_by: by, activation_expires_at: expiresAt, updated_at: at }).where('id', '=', accountId),
);

/** The account's activation columns: sent when, by whom, expiring when. */
export async function markInvited(trx: Executor, accountId: number, at: string, by: number | null, expiresAt: string): Promise<void> {
  await markInvitedRow(trx, at, by, expiresAt, accountId);
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

/**
 * Runs `work` in a savepoint of the caller's transaction: what it wrote stays only if it
 * finishes; if it throws, its writes are rolled back and the error goes on.
 */
export async function inSavepoint<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT activation`.execute(trx);
  try {
    const result = await work();
    await sql`RELEASE activation`.execute(trx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO activation`.execute(trx);
    throw error;
  }
}
