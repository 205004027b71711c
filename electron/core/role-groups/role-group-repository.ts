import type { RoleGroup } from '../../../shared/api/role-groups';
import type { PermissionKey } from '../../../shared/permissions';
import { PERMISSION_KEYS } from '../../../shared/permissions';
import type { Executor } from '../db/connection';

const KNOWN = new Set<string>(PERMISSION_KEYS);

/** The key a group name is unique under: Unicode lower case of the trimmed name. */
export const roleGroupNameKey = (name: string): string => name.trim().toLocaleLowerCase('en');

/** Role groups with their permissions and the number of accounts in each, by name. */
export async function findRoleGroups(db: Executor, ids?: readonly number[]): Promise<RoleGroup[]> {
  let query = db
    .selectFrom('role_group as g')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.description',
      'g.built_in',
      'g.built_in_key',
      'g.requires_two_step',
      'g.created_at',
      'g.updated_at',
      eb.selectFrom('portal_account_role_group as m').whereRef('m.role_group_id', '=', 'g.id').select(eb.fn.countAll<number>().as('n')).as('account_count'),
    ])
    .orderBy('g.name_key');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('g.id', 'in', ids);
  }
  const groups = await query.execute();
  if (groups.length === 0) return [];
  const permissions = await db
    .selectFrom('role_group_permission')
    .select(['role_group_id', 'permission_key'])
    .where('role_group_id', 'in', groups.map((g) => g.id))
    .orderBy('permission_key')
    .execute();
  const byGroup = new Map<number, PermissionKey[]>();
  for (const p of permissions) {
    // A key the catalog no longer knows is ignored, not shown and not granted.
    if (!KNOWN.has(p.permission_key)) continue;
    byGroup.set(p.role_group_id, [...(byGroup.get(p.role_group_id) ?? []), p.permission_key as PermissionKey]);
  }
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    builtIn: g.built_in === 1,
    builtInKey: g.built_in_key,
    permissions: byGroup.get(g.id) ?? [],
    requiresTwoStep: g.requires_two_step === 1,
    accountCount: Number(g.account_count ?? 0),
    createdAt: g.created_at,
    updatedAt: g.updated_at,
  }));
}

export async function findRoleGroup(db: Executor, id: number): Promise<RoleGroup | undefined> {
  return (await findRoleGroups(db, [id]))[0];
}

/** Which of these role groups exist. */
export async function existingRoleGroupIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('role_group').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The group that already has this name (by its key), other than `exceptId`. */
export async function findRoleGroupIdByName(db: Executor, name: string, exceptId?: number): Promise<number | undefined> {
  let query = db.selectFrom('role_group').select('id').where('name_key', '=', roleGroupNameKey(name));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst())?.id;
}

export interface RoleGroupFields {
  name: string;
  description: string | null;
  requiresTwoStep: boolean;
}

export async function insertRoleGroup(db: Executor, fields: RoleGroupFields, now: string): Promise<number> {
  const { id } = await db
    .insertInto('role_group')
    .values({ name: fields.name, name_key: roleGroupNameKey(fields.name), description: fields.description, requires_two_step: fields.requiresTwoStep ? 1 : 0, built_in: 0, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateRoleGroupRow(db: Executor, id: number, fields: RoleGroupFields, now: string): Promise<void> {
  await db
    .updateTable('role_group')
    .set({ name: fields.name, name_key: roleGroupNameKey(fields.name), description: fields.description, requires_two_step: fields.requiresTwoStep ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteRoleGroupRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('role_group').where('id', '=', id).execute();
}

/** Replaces the group's permissions with these (each once). */
export async function writeRoleGroupPermissions(db: Executor, id: number, permissions: readonly string[]): Promise<void> {
  await db.deleteFrom('role_group_permission').where('role_group_id', '=', id).execute();
  const unique = [...new Set(permissions)];
  if (unique.length > 0) {
    await db
      .insertInto('role_group_permission')
      .values(unique.map((key) => ({ role_group_id: id, permission_key: key })))
      .execute();
  }
}

/** The portal accounts in the group. */
export async function roleGroupMemberIds(db: Executor, id: number): Promise<number[]> {
  const rows = await db.selectFrom('portal_account_role_group').select('account_id').where('role_group_id', '=', id).execute();
  return rows.map((r) => r.account_id);
}

/** The groups an account is in, by id. */
export async function roleGroupIdsOfAccount(db: Executor, accountId: number): Promise<number[]> {
  const rows = await db.selectFrom('portal_account_role_group').select('role_group_id').where('account_id', '=', accountId).orderBy('role_group_id').execute();
  return rows.map((r) => r.role_group_id);
}

/** Puts the account in group `to` (unless it is already there) and takes it out of group `from`. */
export async function moveAccountBetweenRoleGroups(db: Executor, accountId: number, from: number, to: number): Promise<void> {
  await db
    .insertInto('portal_account_role_group')
    .values({ account_id: accountId, role_group_id: to })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db.deleteFrom('portal_account_role_group').where('account_id', '=', accountId).where('role_group_id', '=', from).execute();
}

/**
 * Marks accounts as changed whose groups a group's deletion moved. Here rather than in
 * portal-accounts: the portal accounts' folder depends on role groups, not the reverse.
 */
export async function touchAccounts(db: Executor, accountIds: readonly number[], now: string): Promise<void> {
  if (accountIds.length === 0) return;
  await db.updateTable('portal_account').set({ updated_at: now }).where('id', 'in', accountIds).execute();
}
