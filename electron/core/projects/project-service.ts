import type { ParsedInputOf } from '../../../shared/api';
import type { Project } from '../../../shared/api/projects';
import { AppError } from '../../../shared/errors';
import { searchKey } from '../../../shared/text-key';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { findProject, insertProject, organisationExists, updateProjectRow } from './project-repository';

type Fields = ParsedInputOf<'projects:create'>;

export const projectNotFound = (id: number, field = 'id') =>
  new AppError('NOT_FOUND', `Project ${id} does not exist.`, { fields: { [field]: { code: 'not_found' } } });

/** What the audit log keeps of a project. */
const auditView = (p: Project) => ({ name: p.name, organisationId: p.organisationId, archived: p.archived });

/** The project, or NOT_FOUND naming FIELD (the input field that referred to it). */
export async function requireProject(db: Executor, id: number, field = 'id'): Promise<Project> {
  const found = await findProject(db, id);
  if (!found) throw projectNotFound(id, field);
  return found;
}

async function checkFields(db: Executor, fields: Fields): Promise<void> {
  if (fields.organisationId !== null && !(await organisationExists(db, fields.organisationId))) {
    throw new AppError('NOT_FOUND', `Organisation ${fields.organisationId} does not exist.`, { fields: { organisationId: { code: 'not_found' } } });
  }
}

export function getProject(deps: CoreDeps, id: number): Promise<Project> {
  return requireProject(deps.db, id);
}

export async function createProject(deps: CoreDeps, actor: Actor, fields: Fields): Promise<Project> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkFields(trx, fields);
    const id = await insertProject(trx, { name: fields.name, name_key: searchKey(fields.name), organisation_id: fields.organisationId, created_at: now, updated_at: now });
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'project', entityId: id, action: 'created', label: fields.name, after: auditView(await requireProject(trx, id)) });
    return id;
  });
  return getProject(deps, id);
}

/** Changes the project and audits what differs (the `action` names the change: updated, archived, unarchived). */
async function changeProject(deps: CoreDeps, actor: Actor, id: number, change: (before: Project, trx: Executor) => Promise<Parameters<typeof updateProjectRow>[2] | null>, action: 'updated' | 'archived' | 'unarchived'): Promise<Project> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireProject(trx, id);
    const changes = await change(before, trx);
    if (changes === null) return;
    await updateProjectRow(trx, id, { ...changes, updated_at: now });
    const after = await requireProject(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) await recordAudit(trx, { at: now, staffId: actor.id, entity: 'project', entityId: id, action, label: after.name, ...diff });
  });
  return getProject(deps, id);
}

export async function updateProject(deps: CoreDeps, actor: Actor, input: Fields & { id: number }): Promise<Project> {
  return changeProject(
    deps,
    actor,
    input.id,
    async (_before, trx) => {
      await checkFields(trx, input);
      return { name: input.name, name_key: searchKey(input.name), organisation_id: input.organisationId };
    },
    'updated',
  );
}

/** Archived projects leave the pickers; their tickets and time entries stay. */
export function archiveProject(deps: CoreDeps, actor: Actor, id: number): Promise<Project> {
  return changeProject(deps, actor, id, async (p) => (p.archived ? null : { archived_at: isoNow(deps.clock) }), 'archived');
}

export function unarchiveProject(deps: CoreDeps, actor: Actor, id: number): Promise<Project> {
  return changeProject(deps, actor, id, async (p) => (p.archived ? { archived_at: null } : null), 'unarchived');
}
