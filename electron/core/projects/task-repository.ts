import type { Insertable, Updateable } from 'kysely';
import type { Task } from '../../../shared/api/projects';
import type { Executor } from '../db/connection';
import type { TaskTable } from '../db/schema';
import { containsKey, textOrder } from '../db/text-search';

interface TaskView {
  id: number;
  project_id: number;
  project_name: string;
  name: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const viewToTask = (row: TaskView): Task => ({
  id: row.id,
  projectId: row.project_id,
  projectName: row.project_name,
  name: row.name,
  archived: row.archived_at !== null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function selectViews(db: Executor) {
  return db
    .selectFrom('task as t')
    .innerJoin('project as p', 'p.id', 't.project_id')
    .select(['t.id', 't.project_id', 't.name', 't.archived_at', 't.created_at', 't.updated_at', 'p.name as project_name']);
}

export async function findTask(db: Executor, id: number): Promise<Task | undefined> {
  const row = await selectViews(db).where('t.id', '=', id).executeTakeFirst();
  return row ? viewToTask(row) : undefined;
}

export interface TaskListQuery {
  search: string;
  sort: 'name' | 'updatedAt';
  direction: 'asc' | 'desc';
  includeArchived: boolean;
  projectId?: number | undefined;
  offset: number;
  limit: number;
}

/** One page in SQL; task_project (project_id, name_key) serves a project's tasks by name. */
export async function listTasks(db: Executor, q: TaskListQuery): Promise<{ rows: Task[]; total: number }> {
  let filtered = selectViews(db);
  if (q.search) filtered = filtered.where(containsKey(db, 't.name_key', q.search));
  if (!q.includeArchived) filtered = filtered.where('t.archived_at', 'is', null);
  if (q.projectId !== undefined) filtered = filtered.where('t.project_id', '=', q.projectId);
  const [rows, count] = await Promise.all([
    filtered
      .orderBy(q.sort === 'name' ? textOrder(db, 't.name_key') : 't.updated_at', q.direction)
      .orderBy('t.id', 'asc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(viewToTask), total: Number(count.n) };
}

export async function insertTask(db: Executor, row: Insertable<TaskTable>): Promise<number> {
  const { id } = await db.insertInto('task').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateTaskRow(db: Executor, id: number, changes: Updateable<TaskTable>): Promise<void> {
  await db.updateTable('task').set(changes).where('id', '=', id).execute();
}
