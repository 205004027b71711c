import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { sqlFor } from '../db/dialect/of-database';

/** What sign-in needs of an account, found by its username key. */
export async function findAccountForSignIn(db: Executor, usernameKey: string) {
  return db
    .selectFrom('portal_account')
    .select(['id', 'username', 'password_hash', 'active', 'security_stamp', 'two_step_method'])
    .where('username_key', '=', usernameKey)
    .executeTakeFirst();
}

/** Whether one of the account's role groups requires two-step login. */
export async function groupsRequireTwoStep(db: Executor, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('portal_account_role_group as ag')
    .innerJoin('role_group as g', 'g.id', 'ag.role_group_id')
    .select('g.id')
    .where('ag.account_id', '=', accountId)
    .where('g.requires_two_step', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The account's organisation links with the organisations' names, the default link first. */
export async function findAccountLinks(db: Executor, accountId: number) {
  return db
    .selectFrom('portal_account_link as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select(['l.organisation_id as organisationId', 'l.person_id as personId', 'l.is_default as isDefault', 'o.name as organisationName', 'p.first_name as firstName', 'p.last_name as lastName'])
    .where('l.account_id', '=', accountId)
    .orderBy('l.is_default', 'desc')
    .orderBy('o.name')
    .execute();
}

/** Every organisation under these umbrellas, at any depth, with its name (an umbrella account may act for them). */
export async function findChildOrganisations(db: Executor, parentIds: readonly number[]) {
  if (parentIds.length === 0) return [];
  const rows = await sql<{ id: number; name: string }>`
    WITH RECURSIVE below (id) AS (
      SELECT id FROM organisation WHERE parent_id IN (${sqlFor(db).integers(parentIds)})
      UNION SELECT o.id FROM organisation o JOIN below b ON o.parent_id = b.id
    )
    SELECT o.id, o.name FROM organisation o JOIN below b ON b.id = o.id ORDER BY ${sqlFor(db).caseless('o.name')}, o.id`.execute(db);
  return rows.rows;
}

/** The permission keys the account's role groups grant (staff-only ones are dropped by the caller). */
export async function findAccountPermissionKeys(db: Executor, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_account_role_group as ag')
    .innerJoin('role_group_permission as rp', 'rp.role_group_id', 'ag.role_group_id')
    .select('rp.permission_key')
    .distinct()
    .where('ag.account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.permission_key);
}

export interface NewPortalSession {
  tokenHash: string;
  accountId: number;
  stage: 'two-step' | 'signed-in';
  organisationId: number | null;
  personId: number | null;
  securityStamp: number;
  clientAddress: string;
  userAgent: string;
  at: string;
  expiresAt: string;
}

export async function insertPortalSession(db: Executor, s: NewPortalSession): Promise<number> {
  const row = await db
    .insertInto('portal_session')
    .values({
      token_hash: s.tokenHash,
      account_id: s.accountId,
      stage: s.stage,
      organisation_id: s.organisationId,
      person_id: s.personId,
      security_stamp: s.securityStamp,
      client_address: s.clientAddress.slice(0, 100),
      user_agent: s.userAgent.slice(0, 300),
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A session by its cookie's hash, with what decides whether it still stands: the account's flag and stamp. */
export async function findPortalSession(db: Executor, tokenHash: string) {
  return db
    .selectFrom('portal_session as s')
    .innerJoin('portal_account as a', 'a.id', 's.account_id')
    .select([
      's.id',
      's.account_id as accountId',
      's.stage',
      's.organisation_id as organisationId',
      's.person_id as personId',
      's.security_stamp as sessionStamp',
      's.two_step_failures as twoStepFailures',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'a.security_stamp as accountStamp',
      'a.active',
      'a.password_hash as passwordHash',
      'a.username',
      'a.language',
      'a.must_change_password as mustChangePassword',
      'a.two_step_method as twoStepMethod',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchPortalSession(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('portal_session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deletePortalSession(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('portal_session').where('id', '=', id).execute();
}

/** Ends every session of the account (and says how many there were). */
export async function deletePortalSessionsOfAccount(db: Executor, accountId: number): Promise<number> {
  const result = await db.deleteFrom('portal_session').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions past their absolute end: gone for good (their cookies answer "signed out" anyway). */
export async function deleteExpiredPortalSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('portal_session').where('expires_at', '<=', now).execute();
}

export async function setPortalSessionActing(db: Executor, id: number, organisationId: number, personId: number | null): Promise<void> {
  await db.updateTable('portal_session').set({ organisation_id: organisationId, person_id: personId }).where('id', '=', id).execute();
}

/** Moves a session past its two-step stage; only one that is still waiting moves (a parallel request finds it done). */
export async function completeTwoStep(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('portal_session').set({ stage: 'signed-in', last_seen_at: at }).where('id', '=', id).where('stage', '=', 'two-step').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts a wrong two-step code in SQL (parallel guesses count one each) and answers the new count. */
export async function countTwoStepFailure(db: Executor, id: number): Promise<number> {
  const row = await db
    .updateTable('portal_session')
    .set((eb) => ({ two_step_failures: eb('two_step_failures', '+', 1) }))
    .where('id', '=', id)
    .returning('two_step_failures')
    .executeTakeFirst();
  return row?.two_step_failures ?? Number.MAX_SAFE_INTEGER;
}

export async function markPortalSignIn(db: Executor, accountId: number, at: string): Promise<void> {
  await db.updateTable('portal_account').set({ last_sign_in_at: at }).where('id', '=', accountId).execute();
}

/**
 * The account's open sessions, newest use first (the back office's account page): not past their
 * end, used since `idleSince` (when given), and not ended by a change of the account (its security
 * stamp raised, deactivated, password removed) — as liveSession judges a session at its next request.
 * Served by the index portal_session_account (account_id, last_seen_at).
 */
export async function findSessionsOfAccount(db: Executor, accountId: number, now: string, idleSince?: string) {
  let query = db
    .selectFrom('portal_session as s')
    .innerJoin('portal_account as a', 'a.id', 's.account_id')
    .select(['s.id', 's.stage', 's.client_address as clientAddress', 's.user_agent as userAgent', 's.created_at as createdAt', 's.last_seen_at as lastSeenAt', 's.expires_at as expiresAt'])
    .where('s.account_id', '=', accountId)
    .where('s.expires_at', '>', now)
    .whereRef('s.security_stamp', '=', 'a.security_stamp')
    .where('a.active', '=', 1)
    .where('a.password_hash', 'is not', null);
  if (idleSince !== undefined) query = query.where('s.last_seen_at', '>=', idleSince);
  return query.orderBy('s.last_seen_at', 'desc').execute();
}

/** What decides whether the account owes an action before its work (a new password, two-step set-up). */
export async function findRequiredActionFacts(db: Executor, accountId: number) {
  return db.selectFrom('portal_account').select(['must_change_password as mustChangePassword', 'two_step_method as twoStepMethod']).where('id', '=', accountId).executeTakeFirst();
}
