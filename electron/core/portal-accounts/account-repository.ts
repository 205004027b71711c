import type { Insertable, Updateable } from 'kysely';
import type { PortalAccount } from '../../../shared/api/portal-accounts';
import type { Executor } from '../db/connection';
import type { PortalAccountTable } from '../db/schema';
import { accountStatus } from './account-status';
import { personDisplayName } from '../contacts/person-name';

/** The key a username is unique under: its Unicode lower case. */
export const usernameKey = (username: string): string => username.trim().toLocaleLowerCase('en');

/** One account with its links and groups, as its page shows it; undefined when it does not exist. */
export async function findAccount(db: Executor, id: number, now: Date): Promise<PortalAccount | undefined> {
  const row = await db
    .selectFrom('portal_account as a')
    .leftJoin('staff as s', 's.id', 'a.activation_sent_by')
    .selectAll('a')
    .select('s.name as activation_sent_by_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [links, groups] = await Promise.all([
    db
      .selectFrom('portal_account_link as l')
      .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
      .leftJoin('person as p', 'p.id', 'l.person_id')
      .select(['l.organisation_id', 'o.name as organisation_name', 'l.person_id', 'p.first_name', 'p.last_name', 'l.is_default'])
      .where('l.account_id', '=', id)
      .orderBy('l.is_default', 'desc')
      .orderBy('o.name')
      .execute(),
    db.selectFrom('portal_account_role_group').select('role_group_id').where('account_id', '=', id).orderBy('role_group_id').execute(),
  ]);
  return {
    id: row.id,
    username: row.username,
    nickname: row.nickname,
    description: row.description,
    recoveryEmail: row.recovery_email,
    language: row.language,
    active: row.active === 1,
    hasPassword: row.password_hash !== null,
    status: accountStatus(row, now),
    links: links.map((l) => ({
      organisationId: l.organisation_id,
      organisationName: l.organisation_name,
      personId: l.person_id,
      personName: personDisplayName(l.first_name, l.last_name),
      isDefault: l.is_default === 1,
    })),
    roleGroupIds: groups.map((g) => g.role_group_id),
    activationSentAt: row.activation_sent_at,
    activationSentByName: row.activation_sent_by_name,
    activationExpiresAt: row.activation_expires_at,
    activatedAt: row.activated_at,
    lastSignInAt: row.last_sign_in_at,
    twoStepMethod: row.two_step_method,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The id of the account with this username (any case), if one exists. */
export async function findAccountIdByUsername(db: Executor, username: string): Promise<number | undefined> {
  const row = await db.selectFrom('portal_account').select('id').where('username_key', '=', usernameKey(username)).executeTakeFirst();
  return row?.id;
}

/** Adds an account row; returns its id. */
export async function insertAccountRow(db: Executor, row: Insertable<PortalAccountTable>): Promise<number> {
  const { id } = await db.insertInto('portal_account').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * Changes an account row. `raiseSecurityStamp` adds one to the stamp in SQL, which voids
 * every open token and session of the account; the services decide when.
 */
export async function updateAccountRow(
  db: Executor,
  id: number,
  changes: Omit<Updateable<PortalAccountTable>, 'security_stamp'>,
  options: { raiseSecurityStamp?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('portal_account')
    .set((eb) => ({ ...changes, ...(options.raiseSecurityStamp ? { security_stamp: eb('security_stamp', '+', 1) } : {}) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteAccountRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('portal_account').where('id', '=', id).execute();
}
