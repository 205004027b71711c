import type { MoveVisibilityContact } from '../../../shared/api/ticket-moves';
import { personDisplayName } from '../contacts/person-name';
import type { Executor } from '../db/connection';
import { explain, liveRights } from '../ticket-access/ticket-access';
import { readContactNames } from '../ticket-access/ticket-access-repository';
import { loadScope } from '../ticket-access/ticket-view-service';
import { factsAt, liveRightHoldersOn, ticketFactsByIds } from './ticket-move-visibility-repository';

/**
 * Which contacts gain or lose sight of which tickets when these tickets move to PROJECT/TASK
 * (issue 11, point 8), decided by THE access function alone: every contact holding a live right
 * on a project involved (a ticket's old primary project, or the new one), and for each of the
 * tickets explain() on the ticket as it is and on the ticket with its new primary project and
 * task. A secondary assignment the move keeps grants no sight (see ticket-access.ts), so it
 * needs no place here. Read before anything is written, so the move's report says the same.
 */
export async function moveVisibility(db: Executor, ticketIds: readonly number[], projectId: number, taskId: number, now: Date): Promise<MoveVisibilityContact[]> {
  if (ticketIds.length === 0) return [];
  const before = await ticketFactsByIds(db, ticketIds);
  const after = await factsAt(db, projectId, taskId);
  if (!after) return [];
  // The tickets by their old primary project, in the order given: a contact's rights name the projects to look at.
  const byProject = new Map<number, number[]>();
  for (const id of ticketIds) {
    const facts = before.get(id);
    if (!facts) continue;
    const list = byProject.get(facts.projectId);
    if (list) list.push(id);
    else byProject.set(facts.projectId, [id]);
  }
  const position = new Map(ticketIds.map((id, i) => [id, i]));
  const contacts: MoveVisibilityContact[] = [];
  for (const holder of await liveRightHoldersOn(db, [projectId, ...byProject.keys()])) {
    const { record, scope } = await loadScope(db, holder, now);
    const rightProjects = new Set(liveRights(scope).map((r) => r.projectId));
    // A contact without a live right on a ticket's old project or on the new one sees it neither before nor after.
    const candidates = rightProjects.has(projectId)
      ? ticketIds
      : [...rightProjects].flatMap((p) => byProject.get(p) ?? []).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const gainsTicketIds: number[] = [];
    const losesTicketIds: number[] = [];
    for (const id of candidates) {
      const facts = before.get(id);
      if (!facts) continue;
      const saw = explain(scope, facts).visible;
      const sees = explain(scope, after).visible;
      if (sees && !saw) gainsTicketIds.push(id);
      if (saw && !sees) losesTicketIds.push(id);
    }
    if (gainsTicketIds.length === 0 && losesTicketIds.length === 0) continue;
    const names = await readContactNames(db, record);
    contacts.push({
      kind: record.contact.kind,
      personId: record.contact.personId,
      accountId: record.contact.kind === 'account' ? record.contact.accountId : null,
      organisationId: record.organisationId,
      name: (names.person ? personDisplayName(names.person.first, names.person.last) : null) ?? names.username ?? '',
      organisationName: names.organisation,
      gainsTicketIds,
      losesTicketIds,
    });
  }
  return contacts;
}
