import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { containsKey, textOrder } from '../db/text-search';
import { personNameSql } from './ticket-repository';
import { sqlFor } from '../db/dialect/of-database';

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
  if (q.search) filtered = filtered.where((eb) => eb.or([containsKey(db, 'p.search_key', q.search), containsKey(db, 'o.name_key', q.search)]));
  let page = filtered.select(['p.id', personNameSql('p').as('name'), 'p.organisation_id', 'o.name as organisation_name']);
  if (q.organisationId !== null) page = page.orderBy(sql`CASE WHEN p.organisation_id = ${q.organisationId} THEN 0 ELSE 1 END`);
  const [rows, count] = await Promise.all([
    page
      .orderBy(textOrder(db, 'p.name_key'))
      .orderBy('p.id')
      .limit(q.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}


/**
 * Of these projects, those on which the person may be a ticket's contact (checkTicketContact's
 * rule, for many projects at once): internal ones, and customer projects of the person's
 * organisation or of an organisation above it. The person's organisation and its parents are
 * walked once, upwards; the projects are read by their primary key.
 */
export async function projectsAcceptingContact(db: Executor, personId: number, projectIds: readonly number[]): Promise<Set<number>> {
  if (projectIds.length === 0) return new Set();
  const above = sql<number>`(WITH RECURSIVE up(id, parent_id) AS (SELECT o.id, o.parent_id FROM organisation o JOIN person ON person.organisation_id = o.id WHERE person.id = ${personId} UNION SELECT o.id, o.parent_id FROM organisation o JOIN up ON o.id = up.parent_id) SELECT id FROM up)`;
  const rows = await db
    .selectFrom('project as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select('p.id')
    .where(sqlFor(db).idsIn('p.id', projectIds))
    .where((eb) => eb.or([eb('p.organisation_id', 'is', null), eb('o.internal', '=', 1), eb('p.organisation_id', 'in', above)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these persons, those of the organisation or of an organisation under it (one statement for a move's chunk). */
export async function personsInOrganisationTree(db: Executor, personIds: readonly number[], organisationId: number): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.selectFrom('person').select('id').where(sqlFor(db).idsIn('id', personIds)).where('organisation_id', 'in', organisationTree(organisationId)).execute();
  return new Set(rows.map((r) => r.id));
}
