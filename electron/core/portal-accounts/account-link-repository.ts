import type { ParsedInputOf } from '../../../shared/api';
import type { Executor } from '../db/connection';

type Link = ParsedInputOf<'portal-accounts:update'>['links'][number];

/** Replaces the account's organisation links with these. */
export async function writeLinks(trx: Executor, accountId: number, links: readonly Link[]): Promise<void> {
  await trx.deleteFrom('portal_account_link').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('portal_account_link')
    .values(links.map((l) => ({ account_id: accountId, organisation_id: l.organisationId, person_id: l.personId, is_default: l.isDefault ? 1 : 0 })))
    .execute();
}

/** Replaces the account's role groups with these (each once). */
export async function writeRoleGroups(trx: Executor, accountId: number, ids: readonly number[]): Promise<void> {
  await trx.deleteFrom('portal_account_role_group').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('portal_account_role_group')
    .values([...new Set(ids)].map((role_group_id) => ({ account_id: accountId, role_group_id })))
    .execute();
}
