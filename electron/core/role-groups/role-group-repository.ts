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
    accountCount: Number(g.account_count ?? 0),
    createdAt: g.created_at,
    updatedAt: g.updated_at,
  }));
}

export async function findRoleGroup(db: Executor, id: number): Promise<RoleGroup | undefined> {
  return (await findRoleGroups(db, [id]))[0];
}
