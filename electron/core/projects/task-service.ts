import type { Task } from '../../../shared/api/projects';
import { AppError } from '../../../shared/errors';
import { searchKey } from '../../../shared/text-key';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { requireProject } from './project-service';
import { findTask, insertTask, updateTaskRow } from './task-repository';

const auditView = (t: Task) => ({ name: t.name, projectId: t.projectId, archived: t.archived });

/** The task, or NOT_FOUND naming FIELD (the input field that referred to it). */
export async function requireTask(db: Executor, id: number, field = 'id'): Promise<Task> {
  const found = await findTask(db, id);
  if (!found) throw new AppError('NOT_FOUND', `Task ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });
  return found;
}

/** The task, which must exist and belong to PROJECTID; else a field error on FIELD. */
export async function requireTaskOfProject(db: Executor, taskId: number, projectId: number, field = 'taskId'): Promise<Task> {
  const task = await requireTask(db, taskId, field);
  if (task.projectId !== projectId) {
    throw new AppError('VALIDATION', `Task ${taskId} belongs to another project than project ${projectId}.`, { fields: { [field]: { code: 'invalid_value' } } });
  }
  return task;
}

export function getTask(deps: CoreDeps, id: number): Promise<Task> {
  return requireTask(deps.db, id);
}

export async function createTask(deps: CoreDeps, actor: Actor, input: { projectId: number; name: string }): Promise<Task> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await requireProject(trx, input.projectId, 'projectId');
    const id = await insertTask(trx, { project_id: input.projectId, name: input.name, name_key: searchKey(input.name), created_at: now, updated_at: now });
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'task', entityId: id, action: 'created', label: input.name, after: auditView(await requireTask(trx, id)) });
    return id;
  });
  return getTask(deps, id);
}

async function changeTask(deps: CoreDeps, actor: Actor, id: number, change: (before: Task) => Parameters<typeof updateTaskRow>[2] | null, action: 'updated' | 'archived' | 'unarchived'): Promise<Task> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireTask(trx, id);
    const changes = change(before);
    if (changes === null) return;
    await updateTaskRow(trx, id, { ...changes, updated_at: now });
    const after = await requireTask(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) await recordAudit(trx, { at: now, staffId: actor.id, entity: 'task', entityId: id, action, label: after.name, ...diff });
  });
  return getTask(deps, id);
}

export function updateTask(deps: CoreDeps, actor: Actor, input: { id: number; name: string }): Promise<Task> {
  return changeTask(deps, actor, input.id, () => ({ name: input.name, name_key: searchKey(input.name) }), 'updated');
}

export function archiveTask(deps: CoreDeps, actor: Actor, id: number): Promise<Task> {
  return changeTask(deps, actor, id, (t) => (t.archived ? null : { archived_at: isoNow(deps.clock) }), 'archived');
}

export function unarchiveTask(deps: CoreDeps, actor: Actor, id: number): Promise<Task> {
  return changeTask(deps, actor, id, (t) => (t.archived ? { archived_at: null } : null), 'unarchived');
}
