import type { ParsedInputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { existingOrganisationIds } from '../contacts/organisation-repository';
import { findPersonContacts } from '../contacts/person-repository';
import type { Executor } from '../db/connection';
import { existingRoleGroupIds } from '../role-groups/role-group-repository';

type Link = ParsedInputOf<'portal-accounts:update'>['links'][number];

/** Every organisation exists; a link's person exists and belongs to that organisation. */
export async function checkLinks(db: Executor, links: readonly Link[]): Promise<void> {
  const organisationIds = links.map((l) => l.organisationId);
  const known = await existingOrganisationIds(db, organisationIds);
  const missing = organisationIds.find((id) => !known.has(id));
  if (missing !== undefined) {
    throw new AppError('NOT_FOUND', `Organisation ${missing} does not exist.`, { fields: { links: { code: 'not_found' } } });
  }
  const personIds = links.flatMap((l) => (l.personId === null ? [] : [l.personId]));
  if (personIds.length === 0) return;
  const persons = await findPersonContacts(db, personIds);
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
  const known = await existingRoleGroupIds(db, unique);
  if (known.size !== unique.length) {
    const missing = unique.find((id) => !known.has(id));
    throw new AppError('NOT_FOUND', `Role group ${missing} does not exist.`, { fields: { roleGroupIds: { code: 'not_found' } } });
  }
}
