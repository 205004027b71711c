import type { ParsedInputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Executor } from '../db/connection';

type Link = ParsedInputOf<'portal-accounts:update'>['links'][number];

/** Every organisation exists; a link's person exists and belongs to that organisation. */
export async function checkLinks(db: Executor, links: readonly Link[]): Promise<void> {
  const organisationIds = links.map((l) => l.organisationId);
  const organisations = await db.selectFrom('organisation').select('id').where('id', 'in', organisationIds).execute();
  const known = new Set(organisations.map((o) => o.id));
  const missing = organisationIds.find((id) => !known.has(id));
  if (missing !== undefined) {
    throw new AppError('NOT_FOUND', `Organisation ${missing} does not exist.`, { fields: { links: { code: 'not_found' } } });
  }
  const personIds = links.flatMap((l) => (l.personId === null ? [] : [l.personId]));
  if (personIds.length === 0) return;
  const persons = await db.selectFrom('person').select(['id', 'organisation_id']).where('id', 'in', personIds).execute();
  const organisationOf = new Map(persons.map((p) => [p.id, p.organisation_id]));
  for (const link of links) {
    if (link.personId === null) continue;
    const organisationId = organisationOf.get(link.personId);
    if (organisationId === undefined) {
      throw new AppError('NOT_FOUND', `Person ${link.personId} does not exist.`, { fields: { links: { code: 'not_found' } } });
    }
    if (organisationId !== link.organisationId) {
      throw new AppError('VALIDATION', `Person ${link.personId} does not belong to organisation ${link.organisationId}.`, {
        fields: { links: { code: 'invalid_value' } },
      });
    }
  }
}

/** Every role group exists. */
export async function checkRoleGroups(db: Executor, ids: readonly number[]): Promise<void> {
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('role_group').select('id').where('id', 'in', unique).execute();
  if (rows.length !== unique.length) {
    const known = new Set(rows.map((r) => r.id));
    const missing = unique.find((id) => !known.has(id));
    throw new AppError('NOT_FOUND', `Role group ${missing} does not exist.`, { fields: { roleGroupIds: { code: 'not_found' } } });
  }
}

export async function writeLinks(trx: Executor, accountId: number, links: readonly Link[]): Promise<void> {
  await trx.deleteFrom('portal_account_link').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('portal_account_link')
    .values(links.map((l) => ({ account_id: accountId, organisation_id: l.organisationId, person_id: l.personId, is_default: l.isDefault ? 1 : 0 })))
    .execute();
}

export async function writeRoleGroups(trx: Executor, accountId: number, ids: readonly number[]): Promise<void> {
  await trx.deleteFrom('portal_account_role_group').where('account_id', '=', accountId).execute();
  await trx
    .insertInto('portal_account_role_group')
    .values([...new Set(ids)].map((role_group_id) => ({ account_id: accountId, role_group_id })))
    .execute();
}
