import type { Insertable, Updateable } from 'kysely';
import type { Person } from '../../../shared/api/persons';
import type { Executor } from '../db/connection';
import type { PersonTable } from '../db/schema';
import { containsKey, instantSort, textSort } from '../db/text-search';

interface PersonView {
  id: number;
  organisation_id: number;
  organisation_name: string;
  salutation: string | null;
  first_name: string | null;
  last_name: string;
  email: string | null;
  mobile: string | null;
  language: Person['language'];
  created_at: string;
  updated_at: string;
}

export function viewToPerson(row: PersonView): Person {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    mobile: row.mobile,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectViews(db: Executor) {
  return db
    .selectFrom('person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select('o.name as organisation_name');
}

export async function findPerson(db: Executor, id: number): Promise<Person | undefined> {
  const row = await selectViews(db).where('p.id', '=', id).executeTakeFirst();
  return row ? viewToPerson(row) : undefined;
}

export interface PersonListQuery {
  search: string;
  sort: 'lastName' | 'firstName' | 'email' | 'organisation' | 'updatedAt';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  organisationId?: number | undefined;
}

/** Names sort by their stored keys (last name, then first name), as people expect in any language. */
const SORT_COLUMNS = {
  lastName: 'p.name_key',
  firstName: 'p.first_name',
  email: 'p.email',
  organisation: 'o.name_key',
  updatedAt: 'p.updated_at',
} as const;

export async function listPersons(db: Executor, q: PersonListQuery): Promise<{ rows: Person[]; total: number }> {
  let filtered = selectViews(db);
  if (q.search) {
    filtered = filtered.where((eb) =>
      eb.or([containsKey(db, 'p.search_key', q.search), containsKey(db, 'o.name_key', q.search)]),
    );
  }
  if (q.organisationId !== undefined) filtered = filtered.where('p.organisation_id', '=', q.organisationId);
  const [rows, count] = await Promise.all([
    filtered.orderBy((q.sort === 'updatedAt' ? instantSort : textSort)(db, SORT_COLUMNS[q.sort], q.direction)).orderBy('p.id', 'asc').limit(q.limit).offset(q.offset).execute(),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(viewToPerson), total: Number(count.n) };
}

/** Portal accounts linked to the person: they keep it from being deleted. */
export async function countAccountsLinkedToPerson(db: Executor, id: number): Promise<number> {
  const row = await db.selectFrom('portal_account_link').select((eb) => eb.fn.count<number>('account_id').distinct().as('n')).where('person_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether any portal account links this person. */
export async function isPersonLinkedToAnAccount(db: Executor, id: number): Promise<boolean> {
  const link = await db.selectFrom('portal_account_link').select('account_id').where('person_id', '=', id).executeTakeFirst();
  return link !== undefined;
}

export async function insertPerson(db: Executor, row: Insertable<PersonTable>): Promise<number> {
  const { id } = await db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePersonRow(db: Executor, id: number, changes: Updateable<PersonTable>): Promise<void> {
  await db.updateTable('person').set(changes).where('id', '=', id).execute();
}

export async function deletePersonRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('person').where('id', '=', id).execute();
}

/** What creating an account for a person needs of them: their organisation and email, for those of these ids that exist. */
export async function findPersonContacts(db: Executor, ids: readonly number[]): Promise<{ id: number; organisation_id: number; email: string | null }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('person').select(['id', 'organisation_id', 'email']).where('id', 'in', ids).execute();
}
