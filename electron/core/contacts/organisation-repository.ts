import type { Insertable, Updateable } from 'kysely';
import type { Organisation } from '../../../shared/api/organisations';
import type { Executor } from '../db/connection';
import type { OrganisationTable } from '../db/schema';
import { containsKey, instantSort, textSort } from '../db/text-search';

/** An organisation row with what its list and page show next to it. */
interface OrganisationView {
  id: number;
  name: string;
  customer_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  language: Organisation['language'];
  internal: number;
  parent_id: number | null;
  parent_name: string | null;
  person_count: number;
  child_count: number;
  created_at: string;
  updated_at: string;
}

export function viewToOrganisation(row: OrganisationView): Organisation {
  return {
    id: row.id,
    name: row.name,
    customerNumber: row.customer_number,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    postalCode: row.postal_code,
    city: row.city,
    country: row.country,
    language: row.language,
    internal: row.internal === 1,
    parentId: row.parent_id,
    parentName: row.parent_name,
    personCount: Number(row.person_count),
    childCount: Number(row.child_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectViews(db: Executor) {
  return db
    .selectFrom('organisation as o')
    .leftJoin('organisation as p', 'p.id', 'o.parent_id')
    .selectAll('o')
    .select((eb) => [
      'p.name as parent_name',
      eb.selectFrom('person').select(eb.fn.countAll<number>().as('n')).whereRef('person.organisation_id', '=', 'o.id').as('person_count'),
      eb
        .selectFrom('organisation as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'o.id')
        .as('child_count'),
    ]);
}

export async function findOrganisation(db: Executor, id: number): Promise<Organisation | undefined> {
  const row = await selectViews(db).where('o.id', '=', id).executeTakeFirst();
  return row ? viewToOrganisation(row as OrganisationView) : undefined;
}

export interface OrganisationListQuery {
  search: string;
  sort: 'name' | 'customerNumber' | 'city' | 'country' | 'updatedAt';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  parentId?: number | undefined;
}

/** Names sort by their stored key, so "Bäckerei" comes before "Brouwerij" and "Łódź" sorts with the L's. */
const SORT_COLUMNS = {
  name: 'o.name_key',
  customerNumber: 'o.customer_number',
  city: 'o.city',
  country: 'o.country',
  updatedAt: 'o.updated_at',
} as const;

export async function listOrganisations(db: Executor, q: OrganisationListQuery): Promise<{ rows: Organisation[]; total: number }> {
  let filtered = db.selectFrom('organisation as o');
  if (q.search) {
    filtered = filtered.where(containsKey(db, 'o.search_key', q.search));
  }
  if (q.parentId !== undefined) filtered = filtered.where('o.parent_id', '=', q.parentId);
  const ids = filtered
    .select('o.id')
    .orderBy((q.sort === 'updatedAt' ? instantSort : textSort)(db, SORT_COLUMNS[q.sort], q.direction))
    .orderBy('o.id', 'asc')
    .limit(q.limit)
    .offset(q.offset);
  const [pageIds, count] = await Promise.all([
    ids.execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const order = new Map(pageIds.map((r, i) => [r.id, i]));
  const rows =
    pageIds.length === 0
      ? []
      : await selectViews(db)
          .where(
            'o.id',
            'in',
            pageIds.map((r) => r.id),
          )
          .execute();
  const sorted = (rows as OrganisationView[]).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows: sorted.map(viewToOrganisation), total: Number(count.n) };
}

/** Ids from `id` up through its parents; used to refuse a parent that would make a cycle. */
export async function ancestorIds(db: Executor, id: number): Promise<number[]> {
  const chain: number[] = [];
  let current: number | null = id;
  // Bounded: a chain longer than the table cannot exist without a cycle.
  for (let i = 0; current !== null && i < 10_000; i++) {
    chain.push(current);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('organisation')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

export async function customerNumberOwner(db: Executor, customerNumber: string): Promise<number | undefined> {
  const row = await db.selectFrom('organisation').select('id').where('customer_number', '=', customerNumber).executeTakeFirst();
  return row?.id;
}

/** Portal accounts linked to the organisation (with or without a person): they keep it from being deleted. */
export async function countAccountsLinkedToOrganisation(db: Executor, id: number): Promise<number> {
  const row = await db.selectFrom('portal_account_link').select((eb) => eb.fn.count<number>('account_id').distinct().as('n')).where('organisation_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrganisation(db: Executor, row: Insertable<OrganisationTable>): Promise<number> {
  const { id } = await db.insertInto('organisation').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateOrganisationRow(db: Executor, id: number, changes: Updateable<OrganisationTable>): Promise<void> {
  await db.updateTable('organisation').set(changes).where('id', '=', id).execute();
}

export async function deleteOrganisationRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('organisation').where('id', '=', id).execute();
}

/** Which of these organisations exist. */
export async function existingOrganisationIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The names of these organisations (those that exist), in no particular order. */
export async function organisationNames(db: Executor, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('organisation').select('name').where('id', 'in', ids).execute();
  return rows.map((r) => r.name);
}
