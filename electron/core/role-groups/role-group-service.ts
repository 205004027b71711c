import type { ParsedInputOf } from '../../../shared/api';
import type { RoleGroup } from '../../../shared/api/role-groups';
import { AppError } from '../../../shared/errors';
import { isStaffOnlyPermission } from '../../../shared/permissions';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { findRoleGroup, roleGroupNameKey } from './role-group-repository';

type Fields = ParsedInputOf<'role-groups:create'>;

const notFound = (id: number, field = 'id') =>
  new AppError('NOT_FOUND', `Role group ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });

const auditView = (g: RoleGroup) => ({ name: g.name, description: g.description, permissions: g.permissions });

/** Staff-only powers never go to a customer group; the catalog marks them. */
function refuseStaffOnly(permissions: readonly string[]): void {
  const staffOnly = permissions.filter(isStaffOnlyPermission);
  if (staffOnly.length > 0) {
    throw new AppError('FORBIDDEN', `Staff-only permissions cannot be given to a customer role group: ${staffOnly.join(', ')}.`, {
      fields: { permissions: { code: 'invalid_value' } },
      params: { permissions: staffOnly.join(', ') },
    });
  }
}

async function refuseTakenName(db: Executor, name: string, exceptId?: number): Promise<void> {
  let query = db.selectFrom('role_group').select('id').where('name_key', '=', roleGroupNameKey(name));
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', `A role group named "${name}" already exists.`, { fields: { name: { code: 'taken' } } });
  }
}

async function writePermissions(trx: Executor, id: number, permissions: readonly string[]): Promise<void> {
  await trx.deleteFrom('role_group_permission').where('role_group_id', '=', id).execute();
  const unique = [...new Set(permissions)];
  if (unique.length > 0) {
    await trx
      .insertInto('role_group_permission')
      .values(unique.map((key) => ({ role_group_id: id, permission_key: key })))
      .execute();
  }
}

export async function getRoleGroup(deps: CoreDeps, id: number): Promise<RoleGroup> {
  const found = await findRoleGroup(deps.db, id);
  if (!found) throw notFound(id);
  return found;
}

export async function createRoleGroup(deps: CoreDeps, actor: Actor, fields: Fields): Promise<RoleGroup> {
  refuseStaffOnly(fields.permissions);
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await refuseTakenName(trx, fields.name);
    const { id } = await trx
      .insertInto('role_group')
      .values({ name: fields.name, name_key: roleGroupNameKey(fields.name), description: fields.description, built_in: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writePermissions(trx, id, fields.permissions);
    const created = await findRoleGroup(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'role-group', entityId: id, action: 'created', after: created ? auditView(created) : null });
    return id;
  });
  return getRoleGroup(deps, id);
}

export async function updateRoleGroup(deps: CoreDeps, actor: Actor, input: Fields & { id: number }): Promise<RoleGroup> {
  refuseStaffOnly(input.permissions);
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await findRoleGroup(trx, input.id);
    if (!before) throw notFound(input.id);
    await refuseTakenName(trx, input.name, input.id);
    await trx
      .updateTable('role_group')
      .set({ name: input.name, name_key: roleGroupNameKey(input.name), description: input.description, updated_at: now })
      .where('id', '=', input.id)
      .execute();
    await writePermissions(trx, input.id, input.permissions);
    const after = await findRoleGroup(trx, input.id);
    if (!after) throw notFound(input.id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'role-group', entityId: input.id, action: 'updated', ...diff });
    }
  });
  return getRoleGroup(deps, input.id);
}

/**
 * Deletes a group. While accounts are in it, it is refused with IN_USE unless
 * `moveAccountsTo` names another group: then those accounts join that group (each
 * account change audited) and the group goes, in one transaction.
 */
export async function deleteRoleGroup(deps: CoreDeps, actor: Actor, id: number, moveAccountsTo: number | null | undefined): Promise<null> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await findRoleGroup(trx, id);
    if (!existing) throw notFound(id);
    const hasTarget = moveAccountsTo !== null && moveAccountsTo !== undefined;
    if (hasTarget && !(await findRoleGroup(trx, moveAccountsTo))) throw notFound(moveAccountsTo, 'moveAccountsTo');
    if (existing.accountCount > 0) {
      if (!hasTarget) {
        throw new AppError('IN_USE', `${existing.accountCount} portal accounts are in the role group "${existing.name}". Move them to another group first.`, {
          params: { accounts: existing.accountCount },
        });
      }
      if (moveAccountsTo === id) {
        throw new AppError('VALIDATION', 'Move the accounts to a different group.', { fields: { moveAccountsTo: { code: 'invalid_value' } } });
      }
      const members = await trx.selectFrom('portal_account_role_group').select('account_id').where('role_group_id', '=', id).execute();
      for (const { account_id } of members) {
        const groupsBefore = await trx.selectFrom('portal_account_role_group').select('role_group_id').where('account_id', '=', account_id).orderBy('role_group_id').execute();
        await trx
          .insertInto('portal_account_role_group')
          .values({ account_id, role_group_id: moveAccountsTo })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await trx.deleteFrom('portal_account_role_group').where('account_id', '=', account_id).where('role_group_id', '=', id).execute();
        const groupsAfter = await trx.selectFrom('portal_account_role_group').select('role_group_id').where('account_id', '=', account_id).orderBy('role_group_id').execute();
        await recordAudit(trx, {
          at: now,
          staffId: actor.id,
          entity: 'portal-account',
          entityId: account_id,
          action: 'groups-changed',
          before: { roleGroupIds: groupsBefore.map((g) => g.role_group_id) },
          after: { roleGroupIds: groupsAfter.map((g) => g.role_group_id) },
        });
      }
      await trx.updateTable('portal_account').set({ updated_at: now }).where('id', 'in', members.map((m) => m.account_id)).execute();
    }
    await trx.deleteFrom('role_group').where('id', '=', id).execute();
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'role-group', entityId: id, action: 'deleted', before: auditView(existing) });
  });
  return null;
}
