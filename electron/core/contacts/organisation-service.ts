import type { ParsedInputOf } from '../../../shared/api';
import type { Organisation } from '../../../shared/api/organisations';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { refreshAccountIndex } from '../account-index/account-index-repository';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { organisationKeys } from './contact-keys';
import {
  ancestorIds,
  countAccountsLinkedToOrganisation,
  customerNumberOwner,
  deleteOrganisationRow,
  findOrganisation,
  insertOrganisation,
  updateOrganisationRow,
} from './organisation-repository';

type Fields = ParsedInputOf<'organisations:create'>;

const notFound = (id: number, field = 'id') =>
  new AppError('NOT_FOUND', `Organisation ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });

/** What the audit log keeps: the fields staff edit, not the derived counts. */
const auditView = (o: Organisation) => ({
  name: o.name,
  customerNumber: o.customerNumber,
  addressLine1: o.addressLine1,
  addressLine2: o.addressLine2,
  postalCode: o.postalCode,
  city: o.city,
  country: o.country,
  language: o.language,
  internal: o.internal,
  parentId: o.parentId,
});

const toRow = (f: Fields) => {
  const row = {
    name: f.name,
    customer_number: f.customerNumber,
    address_line1: f.addressLine1,
    address_line2: f.addressLine2,
    postal_code: f.postalCode,
    city: f.city,
    country: f.country,
    language: f.language,
    internal: f.internal ? 1 : 0,
    parent_id: f.parentId,
  };
  return { ...row, ...organisationKeys(row) };
};

async function checkFields(db: Executor, fields: Fields, selfId: number | null): Promise<void> {
  if (fields.customerNumber) {
    const owner = await customerNumberOwner(db, fields.customerNumber);
    if (owner !== undefined && owner !== selfId) {
      throw new AppError('CONFLICT', 'Another organisation already has this customer number.', {
        fields: { customerNumber: { code: 'taken' } },
      });
    }
  }
  if (fields.parentId !== null) {
    if (!(await findOrganisation(db, fields.parentId))) throw notFound(fields.parentId, 'parentId');
    if (selfId !== null && (await ancestorIds(db, fields.parentId)).includes(selfId)) {
      throw new AppError('CYCLE', 'An organisation cannot be its own umbrella, directly or through its children.', {
        fields: { parentId: { code: 'cycle' } },
      });
    }
  }
}

export async function getOrganisation(deps: CoreDeps, id: number): Promise<Organisation> {
  const found = await findOrganisation(deps.db, id);
  if (!found) throw notFound(id);
  return found;
}

export async function createOrganisation(deps: CoreDeps, actor: Actor, fields: Fields): Promise<Organisation> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkFields(trx, fields, null);
    const id = await insertOrganisation(trx, { ...toRow(fields), created_at: now, updated_at: now });
    const created = await findOrganisation(trx, id);
    await recordAudit(trx, {
      at: now,
      staffId: actor.id,
      entity: 'organisation',
      entityId: id,
      action: 'created',
      after: created ? auditView(created) : null,
    });
    return id;
  });
  return getOrganisation(deps, id);
}

export async function updateOrganisation(deps: CoreDeps, actor: Actor, input: Fields & { id: number }): Promise<Organisation> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await findOrganisation(trx, input.id);
    if (!before) throw notFound(input.id);
    await checkFields(trx, input, input.id);
    await updateOrganisationRow(trx, input.id, { ...toRow(input), updated_at: now });
    await refreshAccountIndex(trx, { organisationId: input.id });
    const after = await findOrganisation(trx, input.id);
    if (!after) throw notFound(input.id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'organisation', entityId: input.id, action: 'updated', ...diff });
    }
  });
  return getOrganisation(deps, input.id);
}

/** Refused with IN_USE while portal accounts, persons or child organisations refer to it; the database's foreign keys back this up. */
export async function deleteOrganisation(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await findOrganisation(trx, id);
    if (!existing) throw notFound(id);
    const accounts = await countAccountsLinkedToOrganisation(trx, id);
    if (existing.personCount > 0 || existing.childCount > 0 || accounts > 0) {
      // The counts go with the error so the screen can say what still refers to it.
      throw new AppError(
        'IN_USE',
        `${existing.name} still has ${accounts} portal account(s), ${existing.personCount} person(s) and ${existing.childCount} child organisation(s); move or delete them first.`,
        { params: { accounts, persons: existing.personCount, children: existing.childCount } },
      );
    }
    await deleteOrganisationRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'organisation', entityId: id, action: 'deleted', before: auditView(existing) });
  });
  return null;
}
