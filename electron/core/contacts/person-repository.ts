import type { Person } from '../../../shared/api/persons';
import type { Executor } from '../db/connection';
import { containsKey, textOrder } from '../db/text-search';

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
      eb.or([containsKey('p.search_key', q.search), containsKey('o.name_key', q.search)]),
    );
  }
  if (q.organisationId !== undefined) filtered = filtered.where('p.organisation_id', '=', q.organisationId);
  const [rows, count] = await Promise.all([
    filtered.orderBy(textOrder(SORT_COLUMNS[q.sort]), q.direction).orderBy('p.id', 'asc').limit(q.limit).offset(q.offset).execute(),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(viewToPerson), total: Number(count.n) };
}

/** Portal accounts linked to the person: they keep it from being deleted. */
export async function countAccountsLinkedToPerson(db: Executor, id: number): Promise<number> {
  const row = await db.selectFrom('portal_account_link').select((eb) => eb.fn.count<number>('account_id').distinct().as('n')).where('person_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}
