import type { ParsedInputOf } from '../../../shared/api';
import type { RightHolder, TicketRight } from '../../../shared/api/ticket-rights';
import { AppError, fieldError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readTicketAccessSettings } from './ticket-access-settings';
import {
  currentTaskIds,
  findAccountLink,
  findPersonOrganisation,
  findProjectOwner,
  findRight,
  findTask,
  insertRight,
  listRights,
  markRightRevoked,
} from './ticket-rights-repository';

/*
 * Ticket rights (issue 11, point 4): given and revoked by administrators and staff who may grant
 * portal access (the channels' access 'grant'). The refusals live here, not only in the UI:
 * a right names a project of the holder's own organisation, internal projects only while the
 * setting allows them, and an account link that names a person holds none (it sees through the
 * person's). A right is scope + read-only flag and nothing more: no right can give a customer
 * staff-only powers (see or close every ticket of a project, as Planfix's auditors can).
 */

/** The organisation whose projects the holder may get rights on; refuses unknown holders and links that name a person. */
export async function holderOrganisation(db: Executor, holder: RightHolder): Promise<number> {
  if ('personId' in holder) {
    const organisationId = await findPersonOrganisation(db, holder.personId);
    if (organisationId === undefined) throw new AppError('NOT_FOUND', `Person ${holder.personId} does not exist.`, { fields: { 'holder.personId': { code: 'not_found' } } });
    return organisationId;
  }
  const link = await findAccountLink(db, holder.accountId, holder.organisationId);
  if (!link) throw new AppError('NOT_FOUND', 'The account has no link to this organisation.', { fields: { 'holder.organisationId': { code: 'not_found' } } });
  if (link.personId !== null) {
    throw fieldError('holder', 'link_names_person', 'This account acts for a person: give the rights to the person, the account sees through them.');
  }
  return holder.organisationId;
}

/** What the audit log keeps of the holder's rights: the live ones, as they were before and after. */
const auditView = (rights: readonly TicketRight[]) =>
  rights
    .filter((r) => r.revokedAt === null)
    .map((r) => ({ id: r.id, projectId: r.projectId, project: r.projectName, scope: r.scope, taskId: r.taskId, taskIds: r.taskIds, readOnly: r.readOnly }));

const holderOf = (right: TicketRight): RightHolder =>
  right.personId !== null ? { personId: right.personId } : { accountId: right.accountId ?? 0, organisationId: right.organisationId ?? 0 };

/** The audit entry of a change to a holder's rights: on the person, or on the portal account whose link holds them. */
async function auditRightsChange(trx: Executor, actor: Actor, at: string, holder: RightHolder, before: readonly TicketRight[]): Promise<void> {
  const after = await listRights(trx, holder, false);
  await recordAudit(trx, {
    at,
    staffId: actor.id,
    entity: 'personId' in holder ? 'person' : 'portal-account',
    entityId: 'personId' in holder ? holder.personId : holder.accountId,
    action: 'ticket-rights-changed',
    before: { ticketRights: auditView(before) },
    after: { ticketRights: auditView(after) },
  });
}

/** A holder's rights; a link that names a person simply holds none (its person's are listed on the person). */
export async function listTicketRights(deps: CoreDeps, input: ParsedInputOf<'ticket-rights:list'>): Promise<TicketRight[]> {
  return listRights(deps.db, input.holder, input.includeRevoked);
}

/**
 * Refuses a right the holder may not be given: a project of another customer, an internal project
 * while the setting forbids it, a task of another project or an archived one. The grant and the
 * rights editor's preview (ticket-rights-preview.ts) ask the same question.
 */
export async function checkGrantable(db: Executor, holder: RightHolder, right: { projectId: number; taskId: number | null }): Promise<void> {
  const organisationId = await holderOrganisation(db, holder);
  const project = await findProjectOwner(db, right.projectId);
  if (!project) throw new AppError('NOT_FOUND', `Project ${right.projectId} does not exist.`, { fields: { projectId: { code: 'not_found' } } });
  if (project.internal) {
    if (!(await readTicketAccessSettings(db)).ticketRightsOnInternalProjects) {
      throw fieldError('projectId', 'internal_not_allowed', 'Contacts may not be given rights on internal projects (see the ticket settings).');
    }
  } else if (project.organisationId !== organisationId) {
    throw fieldError('projectId', 'other_customer_project', "This project belongs to another customer: a contact only gets rights on its own organisation's projects.");
  }
  if (right.taskId !== null) {
    const task = await findTask(db, right.taskId);
    if (!task || task.projectId !== right.projectId) throw fieldError('taskId', 'not_found', 'The project has no such task.');
    if (task.archived) throw fieldError('taskId', 'invalid_value', 'The task is archived.');
  }
}

export async function grantTicketRight(deps: CoreDeps, actor: Actor, input: ParsedInputOf<'ticket-rights:grant'>): Promise<TicketRight> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkGrantable(trx, input.holder, input);
    const before = await listRights(trx, input.holder, false);
    const taskIds = input.scope === 'existing_tasks' ? await currentTaskIds(trx, input.projectId) : [];
    const rightId = await insertRight(trx, { holder: input.holder, projectId: input.projectId, scope: input.scope, taskId: input.taskId, readOnly: input.readOnly, taskIds, createdAt: now });
    await auditRightsChange(trx, actor, now, input.holder, before);
    return rightId;
  });
  return (await findRight(deps.db, id)) as TicketRight;
}

/** Revokes a live right; it stays, with revoked_at, so "why not?" can say it was revoked. */
export async function revokeTicketRight(deps: CoreDeps, actor: Actor, id: number): Promise<TicketRight> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const right = await findRight(trx, id);
    if (!right) throw new AppError('NOT_FOUND', `Ticket right ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
    if (right.revokedAt !== null) throw new AppError('CONFLICT', 'This right was already revoked.', { fields: { id: { code: 'invalid_value' } } });
    const holder = holderOf(right);
    const before = await listRights(trx, holder, false);
    await markRightRevoked(trx, id, now);
    await auditRightsChange(trx, actor, now, holder, before);
  });
  return (await findRight(deps.db, id)) as TicketRight;
}
