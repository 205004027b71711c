import type { ParsedInputOf } from '../../../shared/api';
import { RIGHTS_PREVIEW_LIMIT, type RightHolder, type TicketRightsPreview } from '../../../shared/api/ticket-rights';
import type { ViewContact } from '../../../shared/api/ticket-view';
import { fieldError } from '../../../shared/errors';
import { isoNow } from '../clock';
import type { CoreDeps } from '../context';
import { countVisibleTickets, ticketsSeenOnlyBy } from './rights-preview-repository';
import type { RightFact, TicketScope } from './ticket-access';
import { currentTaskIds } from './ticket-rights-repository';
import { checkGrantable, holderOrganisation } from './ticket-rights-service';
import { loadScope } from './ticket-view-service';

/*
 * "What will this contact see?" (issue 11, point 7): the rights editor's list of grants to add
 * and rights to revoke, applied to the holder's rights in memory only, then both scopes through
 * THE access function and the two SQL lists compared. Nothing is written; a grant the save would
 * refuse is refused here too, so the preview never shows what cannot be saved.
 */

const contactOfHolder = (holder: RightHolder): ViewContact => ('personId' in holder ? { personId: holder.personId } : { accountId: holder.accountId, organisationId: holder.organisationId });

export async function previewTicketRights(deps: CoreDeps, input: ParsedInputOf<'ticket-rights:preview'>): Promise<TicketRightsPreview> {
  const db = deps.db;
  const now = isoNow(deps.clock);
  await holderOrganisation(db, input.holder);
  for (const proposed of input.grant) await checkGrantable(db, input.holder, proposed);
  const { scope: current } = await loadScope(db, contactOfHolder(input.holder), deps.clock());
  const held = new Set(current.rights.filter((r) => r.revokedAt === null).map((r) => r.id));
  const unknown = input.revoke.find((id) => !held.has(id));
  if (unknown !== undefined) throw fieldError('revoke', 'not_found', `Right ${unknown} is not a live right of this contact.`);
  const revoke = new Set(input.revoke);
  const added: RightFact[] = [];
  for (const [i, proposed] of input.grant.entries()) {
    const taskIds = proposed.scope === 'existing_tasks' ? await currentTaskIds(db, proposed.projectId) : [];
    // Negative ids mark rights not saved yet: ticketVisibleTo reads their tasks from the fact.
    added.push({ id: -(i + 1), projectId: proposed.projectId, scope: proposed.scope, taskId: proposed.taskId, taskIds, readOnly: proposed.readOnly, createdAt: now, revokedAt: null });
  }
  const proposed: TicketScope = {
    ...current,
    rights: [...current.rights.map((r) => (revoke.has(r.id) ? { ...r, revokedAt: now } : r)), ...added],
  };
  const [gain, lose, visibleBefore, visibleAfter] = await Promise.all([
    ticketsSeenOnlyBy(db, proposed, current, RIGHTS_PREVIEW_LIMIT),
    ticketsSeenOnlyBy(db, current, proposed, RIGHTS_PREVIEW_LIMIT),
    countVisibleTickets(db, current),
    countVisibleTickets(db, proposed),
  ]);
  return { gain, lose, visibleBefore, visibleAfter, blocked: current.blocked };
}
