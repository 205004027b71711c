import type { ParsedInputOf } from '../../../shared/api';
import type { RoleGroup } from '../../../shared/api/role-groups';
import { AppError } from '../../../shared/errors';
import { isStaffOnlyPermission } from '../../../shared/permissions';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import {
  deleteRoleGroupRow,
  findRoleGroup,
  findRoleGroupIdByName,
  insertRoleGroup,
  moveAccountBetweenRoleGroups,
  roleGroupIdsOfAccount,
  roleGroupMemberIds,
  touchAccounts,
  updateRoleGroupRow,
  writeRoleGroupPermissions,
} from './role-group-repository';

type Fields = ParsedInputOf<'role-groups:create'>;

const notFound = (id: number, field = 'id') =>
  new AppError('NOT_FOUND', `Role group ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });

const auditView = (g: RoleGroup) => ({ name: g.name, description: g.description, permissions: g.permissions, requiresTwoStep: g.requiresTwoStep });

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
  if ((await findRoleGroupIdByName(db, name, exceptId)) !== undefined) {
    throw new AppError('CONFLICT', `A role group named "${name}" already exists.`, { fields: { name: { code: 'taken' } } });
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
    const id = await insertRoleGroup(trx, { ...fields, requiresTwoStep: fields.requiresTwoStep ?? false }, now);
    await writeRoleGroupPermissions(trx, id, fields.permissions);
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
    await updateRoleGroupRow(trx, input.id, { ...input, requiresTwoStep: input.requiresTwoStep ?? before.requiresTwoStep }, now);
    await writeRoleGroupPermissions(trx, input.id, input.permissions);
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
      const members = await roleGroupMemberIds(trx, id);
      for (const accountId of members) {
        const groupsBefore = await roleGroupIdsOfAccount(trx, accountId);
        await moveAccountBetweenRoleGroups(trx, accountId, id, moveAccountsTo);
        const groupsAfter = await roleGroupIdsOfAccount(trx, accountId);
        await recordAudit(trx, {
          at: now,
          staffId: actor.id,
          entity: 'portal-account',
          entityId: accountId,
          action: 'groups-changed',
          before: { roleGroupIds: groupsBefore },
          after: { roleGroupIds: groupsAfter },
        });
      }
      await touchAccounts(trx, members, now);
    }
    await deleteRoleGroupRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'role-group', entityId: id, action: 'deleted', before: auditView(existing) });
  });
  return null;
}
