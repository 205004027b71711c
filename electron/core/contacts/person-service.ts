import type { ParsedInputOf } from '../../../shared/api';
import type { Person } from '../../../shared/api/persons';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { refreshAccountIndex } from '../account-index/account-index-repository';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { personKeys } from './contact-keys';
import { findOrganisation } from './organisation-repository';
import { countAccountsLinkedToPerson, deletePersonRow, findPerson, insertPerson, isPersonLinkedToAnAccount, updatePersonRow } from './person-repository';

type Fields = ParsedInputOf<'persons:create'>;

const notFound = (id: number) =>
  new AppError('NOT_FOUND', `Person ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });

const auditView = (p: Person) => ({
  organisationId: p.organisationId,
  salutation: p.salutation,
  firstName: p.firstName,
  lastName: p.lastName,
  email: p.email,
  mobile: p.mobile,
  language: p.language,
});

const toRow = (f: Fields) => {
  const row = {
    organisation_id: f.organisationId,
    salutation: f.salutation,
    first_name: f.firstName,
    last_name: f.lastName,
    email: f.email,
    mobile: f.mobile,
    language: f.language,
  };
  return { ...row, ...personKeys(row) };
};

async function checkOrganisation(db: Executor, organisationId: number): Promise<void> {
  if (!(await findOrganisation(db, organisationId))) {
    throw new AppError('NOT_FOUND', `Organisation ${organisationId} does not exist.`, {
      fields: { organisationId: { code: 'not_found' } },
    });
  }
}

/** A portal account links this person through their organisation; moving them would break that link. */
async function refuseMoveWhileLinked(db: Executor, personId: number): Promise<void> {
  if (await isPersonLinkedToAnAccount(db, personId)) {
    throw new AppError('IN_USE', 'A portal account is linked to this person through their organisation. Change the account first.', {
      fields: { organisationId: { code: 'invalid_value' } },
    });
  }
}

export async function getPerson(deps: CoreDeps, id: number): Promise<Person> {
  const found = await findPerson(deps.db, id);
  if (!found) throw notFound(id);
  return found;
}

export async function createPerson(deps: CoreDeps, actor: Actor, fields: Fields): Promise<Person> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkOrganisation(trx, fields.organisationId);
    const id = await insertPerson(trx, { ...toRow(fields), created_at: now, updated_at: now });
    const created = await findPerson(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'person', entityId: id, action: 'created', after: created ? auditView(created) : null });
    return id;
  });
  return getPerson(deps, id);
}

export async function updatePerson(deps: CoreDeps, actor: Actor, input: Fields & { id: number }): Promise<Person> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await findPerson(trx, input.id);
    if (!before) throw notFound(input.id);
    await checkOrganisation(trx, input.organisationId);
    if (before.organisationId !== input.organisationId) await refuseMoveWhileLinked(trx, input.id);
    await updatePersonRow(trx, input.id, { ...toRow(input), updated_at: now });
    await refreshAccountIndex(trx, { personId: input.id });
    const after = await findPerson(trx, input.id);
    if (!after) throw notFound(input.id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'person', entityId: input.id, action: 'updated', ...diff });
    }
  });
  return getPerson(deps, input.id);
}

export async function deletePerson(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await findPerson(trx, id);
    if (!existing) throw notFound(id);
    const accounts = await countAccountsLinkedToPerson(trx, id);
    if (accounts > 0) {
      throw new AppError('IN_USE', `${accounts} portal account(s) are linked to this person. Delete them or change their links first.`, { params: { accounts } });
    }
    await deletePersonRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'person', entityId: id, action: 'deleted', before: auditView(existing) });
  });
  return null;
}
