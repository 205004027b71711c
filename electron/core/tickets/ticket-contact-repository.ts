import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { containsKey, textOrder } from '../db/text-search';
import { personNameSql } from './ticket-repository';

/**
 * The organisation and every organisation under it (umbrella → subsidiaries → …), as a
 * subquery of ids. Parents never form a cycle (the contacts service refuses one), and UNION
 * drops repeats besides; organisation_parent serves each step.
 */
const organisationTree = (organisationId: number) =>
  sql<number>`(WITH RECURSIVE tree(id) AS (SELECT id FROM organisation WHERE id = ${organisationId} UNION SELECT o.id FROM organisation o JOIN tree ON o.parent_id = tree.id) SELECT id FROM tree)`;

/** Whether the person belongs to the organisation or to one under it. */
export async function isPersonInOrganisationTree(db: Executor, personId: number, organisationId: number): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('id', '=', personId).where('organisation_id', 'in', organisationTree(organisationId)).executeTakeFirst();
  return row !== undefined;
}

export interface ContactCandidateQuery {
  /** Its persons come first. */
  organisationId: number | null;
  /** Only persons of organisationId's tree; otherwise every person. */
  onlyTree: boolean;
  search: string;
  limit: number;
}

export interface ContactCandidateRow {
  id: number;
  name: string;
  organisation_id: number;
  organisation_name: string;
}

/**
 * Persons who may be a ticket's contact, the organisation's own first, then by name; the
 * search looks at the person's name and email and the organisation's name, as persons:list does.
 */
export async function findContactCandidates(db: Executor, q: ContactCandidateQuery): Promise<{ rows: ContactCandidateRow[]; total: number }> {
  let filtered = db.selectFrom('person as p').innerJoin('organisation as o', 'o.id', 'p.organisation_id');
  if (q.onlyTree && q.organisationId !== null) filtered = filtered.where('p.organisation_id', 'in', organisationTree(q.organisationId));
  if (q.search) filtered = filtered.where((eb) => eb.or([containsKey('p.search_key', q.search), containsKey('o.name_key', q.search)]));
  let page = filtered.select(['p.id', personNameSql('p').as('name'), 'p.organisation_id', 'o.name as organisation_name']);
  if (q.organisationId !== null) page = page.orderBy(sql`CASE WHEN p.organisation_id = ${q.organisationId} THEN 0 ELSE 1 END`);
  const [rows, count] = await Promise.all([
    page
      .orderBy(textOrder('p.name_key'))
      .orderBy('p.id')
      .limit(q.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
