import type { accountImportApi } from '../../../shared/api/account-import';
import type { portalAccountsApi } from '../../../shared/api/portal-accounts';
import { isStaffOnlyPermission } from '../../../shared/permissions';
import { actorOf, type Handlers } from '../context';
import { findRoleGroups } from '../role-groups/role-group-repository';
import { importAccounts } from './account-import';
import { listPortalAccounts } from './account-list-repository';
import { changeUsername, createAccount, deleteAccount, loadAccount, setAccountActive, updateAccount } from './account-service';
import { deleteMatching, setActiveMatching } from './account-selection';
import { createAccountsForPersons } from './bulk-create';
import { effectivePermissions } from './effective-permissions';

export const portalAccountHandlers: Handlers<keyof typeof portalAccountsApi | keyof typeof accountImportApi> = {
  'portal-accounts:list': (input, { deps }) => listPortalAccounts(deps.db, input, deps.clock()),
  'portal-accounts:get': (input, { deps }) => loadAccount(deps.db, input.id, deps.clock()),
  'portal-accounts:create': (input, ctx) => createAccount(ctx.deps, actorOf(ctx), input),
  'portal-accounts:update': (input, ctx) => updateAccount(ctx.deps, actorOf(ctx), input),
  'portal-accounts:set-active': (input, ctx) => setAccountActive(ctx.deps, actorOf(ctx), input.id, input.active),
  'portal-accounts:change-username': (input, ctx) => changeUsername(ctx.deps, actorOf(ctx), input.id, input.username),
  'portal-accounts:delete': (input, ctx) => deleteAccount(ctx.deps, actorOf(ctx), input.id),
  'portal-accounts:set-active-matching': (input, ctx) => setActiveMatching(ctx.deps, actorOf(ctx), input),
  'portal-accounts:delete-matching': (input, ctx) => deleteMatching(ctx.deps, actorOf(ctx), input),
  'portal-accounts:effective-permissions': async (input, { deps }) => {
    const account = await loadAccount(deps.db, input.id, deps.clock());
    return effectivePermissions(await findRoleGroups(deps.db, account.roleGroupIds), isStaffOnlyPermission);
  },
  'portal-accounts:create-for-persons': (input, ctx) => createAccountsForPersons(ctx.deps, actorOf(ctx), input.personIds, input.roleGroupIds),
  'portal-accounts:import': (input, ctx) => importAccounts(ctx.deps, actorOf(ctx), input),
};
