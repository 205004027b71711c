import type { Executor } from '../db/connection';

/** The projects of the contact's rights with every task of theirs: what the list's filters and the new-ticket form choose from. */
export async function projectsWithTasks(db: Executor, projectIds: readonly number[]) {
  if (projectIds.length === 0) return { projects: [], tasks: [] };
  const ids = [...projectIds];
  const projects = await db
    .selectFrom('project as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'p.organisation_id', 'o.internal', 'p.archived_at'])
    .where('p.id', 'in', ids)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const tasks = await db
    .selectFrom('task')
    .select(['id', 'project_id', 'name', 'created_at', 'archived_at'])
    .where('project_id', 'in', ids)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return { projects, tasks };
}

/** How comments by portal accounts name their author: the nickname, else the default link's person, else the username. */
export async function accountAuthorNames(db: Executor, accountIds: readonly number[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('portal_account as a')
    .leftJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on('l.is_default', '=', 1))
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select(['a.id', 'a.username', 'a.nickname', 'p.first_name', 'p.last_name'])
    .where('a.id', 'in', [...accountIds])
    .execute();
}
