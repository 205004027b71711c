import { sql, type Insertable, type Updateable } from 'kysely';
import type { Project } from '../../../shared/api/projects';
import type { Executor } from '../db/connection';
import type { ProjectTable } from '../db/schema';
import { containsKey, instantSort, textSort } from '../db/text-search';

interface ProjectView {
  id: number;
  name: string;
  organisation_id: number | null;
  organisation_name: string | null;
  organisation_internal: number | null;
  archived_at: string | null;
  task_count: number;
  created_at: string;
  updated_at: string;
}

function viewToProject(row: ProjectView): Project {
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    // Internal: no organisation, or one flagged internal.
    internal: row.organisation_id === null || row.organisation_internal === 1,
    archived: row.archived_at !== null,
    taskCount: Number(row.task_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectViews(db: Executor) {
  return db
    .selectFrom('project as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'p.organisation_id', 'p.archived_at', 'p.created_at', 'p.updated_at', 'o.name as organisation_name', 'o.internal as organisation_internal'])
    .select((eb) => eb.selectFrom('task').select(eb.fn.countAll<number>().as('n')).whereRef('task.project_id', '=', 'p.id').as('task_count'));
}

export async function findProject(db: Executor, id: number): Promise<Project | undefined> {
  const row = await selectViews(db).where('p.id', '=', id).executeTakeFirst();
  return row ? viewToProject(row as ProjectView) : undefined;
}

export interface ProjectListQuery {
  search: string;
  sort: 'name' | 'organisation' | 'updatedAt';
  direction: 'asc' | 'desc';
  includeArchived: boolean;
  organisationId?: number | undefined;
  internal?: boolean | undefined;
  offset: number;
  limit: number;
}

const SORT_COLUMNS = { name: 'p.name_key', organisation: 'o.name_key', updatedAt: 'p.updated_at' } as const;

/** One page in SQL; project_organisation (organisation_id, name_key) serves an organisation's page. */
export async function listProjects(db: Executor, q: ProjectListQuery): Promise<{ rows: Project[]; total: number }> {
  let filtered = db.selectFrom('project as p').leftJoin('organisation as o', 'o.id', 'p.organisation_id');
  if (q.search) filtered = filtered.where(containsKey(db, 'p.name_key', q.search));
  if (!q.includeArchived) filtered = filtered.where('p.archived_at', 'is', null);
  if (q.organisationId !== undefined) filtered = filtered.where('p.organisation_id', '=', q.organisationId);
  if (q.internal !== undefined) {
    const internal = sql<boolean>`(p.organisation_id IS NULL OR o.internal = TRUE)`;
    filtered = filtered.where(q.internal ? internal : sql<boolean>`NOT ${internal}`);
  }
  const [pageIds, count] = await Promise.all([
    filtered.select('p.id').orderBy((q.sort === 'updatedAt' ? instantSort : textSort)(db, SORT_COLUMNS[q.sort], q.direction)).orderBy('p.id', 'asc').limit(q.limit).offset(q.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const order = new Map(pageIds.map((r, i) => [r.id, i]));
  const rows = pageIds.length === 0 ? [] : ((await selectViews(db).where('p.id', 'in', [...order.keys()]).execute()) as ProjectView[]);
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows: rows.map(viewToProject), total: Number(count.n) };
}

export async function insertProject(db: Executor, row: Insertable<ProjectTable>): Promise<number> {
  const { id } = await db.insertInto('project').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateProjectRow(db: Executor, id: number, changes: Updateable<ProjectTable>): Promise<void> {
  await db.updateTable('project').set(changes).where('id', '=', id).execute();
}

export async function organisationExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
