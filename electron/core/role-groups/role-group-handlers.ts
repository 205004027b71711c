import type { roleGroupsApi } from '../../../shared/api/role-groups';
import { actorOf, type Handlers } from '../context';
import { findRoleGroups } from './role-group-repository';
import { createRoleGroup, deleteRoleGroup, getRoleGroup, updateRoleGroup } from './role-group-service';

export const roleGroupHandlers: Handlers<keyof typeof roleGroupsApi> = {
  'role-groups:list': (_input, { deps }) => findRoleGroups(deps.db),
  'role-groups:get': (input, { deps }) => getRoleGroup(deps, input.id),
  'role-groups:create': (input, ctx) => createRoleGroup(ctx.deps, actorOf(ctx), input),
  'role-groups:update': (input, ctx) => updateRoleGroup(ctx.deps, actorOf(ctx), input),
  'role-groups:delete': (input, ctx) => deleteRoleGroup(ctx.deps, actorOf(ctx), input.id, input.moveAccountsTo),
};
