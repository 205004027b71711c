import type { TicketAccessSettings, TicketRightScope } from '../../../shared/api/ticket-rights';
import type { AccessCheck, AccessExplanation, AccessReason } from '../../../shared/api/ticket-view';

/*
 * THE access function for contacts' tickets (issue 11, point 5). Everything that decides which
 * tickets a contact sees or may change starts from a TicketScope built here: the SQL condition
 * (ticket-access-repository.ts, ticketVisibleTo) for every ticket query made for a contact, and
 * explain() for one ticket. The property test (test/integration/ticket-access-property.test.ts)
 * holds the two to the same answer over random worlds.
 *
 * The rules, after the ZEP manual (shared/sources/002):
 * - Rights alone decide: being a ticket's contact or its creator grants nothing.
 * - A right covers the ticket's PRIMARY project and task only. ZEP gives rights on "Projekte und
 *   Vorgänge" and lists a contact's tickets by them; a secondary assignment (a project the ticket
 *   was moved from, or one added by hand) does not make the ticket visible: otherwise moving a
 *   ticket to another customer's project would leave it visible to the old customer.
 * - The project must belong to the contact's organisation, checked live (a project or ticket
 *   moved to another customer is no longer covered). Internal projects (no organisation, or an
 *   organisation flagged internal) are covered only while the setting allows it, whoever owns them.
 * - all_tasks: any task of the project, also tasks created later; one_task: that task;
 *   existing_tasks: the stored set of tasks the project had when the right was given.
 * - A portal account must be active and have access (activated, not locked); an account link
 *   that names a person sees through that person's rights, limited to the link's organisation.
 * - Writable: visible, the global read-only setting off, and some covering right not read-only.
 */

/** A right as the access function sees it; revoked ones are kept so explain can name them. */
export interface RightFact {
  id: number;
  projectId: number;
  scope: TicketRightScope;
  taskId: number | null;
  /** The stored tasks of an existing_tasks right. */
  taskIds: readonly number[];
  readOnly: boolean;
  createdAt: string;
  revokedAt: string | null;
}

/** Who the contact is: a person, or a portal account acting for one organisation link (with its person, if the link names one). */
export type ContactRef = { kind: 'person'; personId: number } | { kind: 'account'; accountId: number; personId: number | null };

/** What the core knows about a contact before deciding anything. */
export interface ContactFacts {
  contact: ContactRef;
  /** The organisation whose projects the contact may see: the person's, or the account link's. Null: an account without any link. */
  organisationId: number | null;
  /** For a portal account: its active flag and whether its status is active (activated, not locked). */
  account: { active: boolean; hasAccess: boolean } | null;
  /** The rights the contact holds (the person's, or the link's), live and revoked. */
  rights: readonly RightFact[];
  settings: TicketAccessSettings;
}

/** A contact's ticket scope: what every ticket query for the contact and explain() are built from. */
export interface TicketScope {
  contact: ContactRef;
  organisationId: number | null;
  /** Reasons the contact may see no ticket at all (inactive account, no link); empty when allowed. */
  blocked: AccessReason[];
  rights: readonly RightFact[];
  internalProjectsAllowed: boolean;
  readOnlyEverywhere: boolean;
}

export function buildScope(facts: ContactFacts): TicketScope {
  const blocked: AccessReason[] = [];
  if (facts.account && !facts.account.active) blocked.push('account_inactive');
  else if (facts.account && !facts.account.hasAccess) blocked.push('account_no_access');
  if (facts.organisationId === null) blocked.push('no_organisation_link');
  return {
    contact: facts.contact,
    organisationId: facts.organisationId,
    blocked,
    rights: facts.rights,
    internalProjectsAllowed: facts.settings.ticketRightsOnInternalProjects,
    readOnlyEverywhere: facts.settings.customerTicketAccessReadOnly,
  };
}

/** The live rights the SQL condition is built from. */
export const liveRights = (scope: TicketScope): RightFact[] => (scope.blocked.length > 0 ? [] : scope.rights.filter((r) => r.revokedAt === null));

/** One ticket's facts explain() needs, read live (ticket-access-repository.ts, ticketFacts). */
export interface TicketFacts {
  projectId: number;
  taskId: number;
  /** The project's organisation; null for a project without one. */
  projectOrganisationId: number | null;
  /** No organisation, or an organisation flagged internal. */
  projectInternal: boolean;
  taskCreatedAt: string;
}

/** Whether the ticket's project is one the contact's rights may reach at all (its customer's, or internal while allowed). */
export function projectReachable(scope: TicketScope, ticket: Pick<TicketFacts, 'projectOrganisationId' | 'projectInternal'>): boolean {
  if (ticket.projectInternal) return scope.internalProjectsAllowed;
  return scope.organisationId !== null && ticket.projectOrganisationId === scope.organisationId;
}

/** Whether the right's scope covers the task (the project is checked apart). */
export function taskCovered(right: RightFact, taskId: number): boolean {
  if (right.scope === 'all_tasks') return true;
  if (right.scope === 'one_task') return right.taskId === taskId;
  return right.taskIds.includes(taskId);
}

/**
 * Why one ticket is or is not visible and writable for the scope's contact. `rights` holds every
 * check of every right; `reasons` answers the question staff ask: for a visible ticket, what
 * limits writing (right_read_only, global_read_only); for a hidden one, what failed on the rights
 * of the ticket's project (or no_right when there is none, or why the contact is blocked).
 */
export function explain(scope: TicketScope, ticket: TicketFacts): AccessExplanation {
  const failures = new Set<AccessReason>(scope.blocked);
  const rights: AccessExplanation['rights'] = [];
  let visible = false;
  let writableRight = false;
  const reachable = projectReachable(scope, ticket);
  for (const right of scope.rights) {
    const live = right.revokedAt === null;
    const sameProject = right.projectId === ticket.projectId;
    const inScope = taskCovered(right, ticket.taskId);
    const checks: { check: AccessCheck; passed: boolean }[] = [
      { check: 'right_live', passed: live },
      { check: 'same_project', passed: sameProject },
      ticket.projectInternal ? { check: 'internal_allowed', passed: scope.internalProjectsAllowed } : { check: 'customer_project', passed: reachable },
      { check: 'task_in_scope', passed: inScope },
      { check: 'not_read_only', passed: !right.readOnly },
    ];
    rights.push({ rightId: right.id, checks });
    // Only rights on the ticket's own project say anything about it.
    if (!sameProject) continue;
    if (!live) failures.add('right_revoked');
    if (!reachable) failures.add(ticket.projectInternal ? 'internal_not_allowed' : 'other_customer_project');
    if (!inScope) failures.add(right.scope === 'existing_tasks' && ticket.taskCreatedAt > right.createdAt ? 'task_created_after_right' : 'task_not_in_scope');
    if (live && reachable && inScope && scope.blocked.length === 0) {
      visible = true;
      if (!right.readOnly) writableRight = true;
    }
  }
  if (!visible) {
    if (!scope.rights.some((r) => r.projectId === ticket.projectId)) failures.add('no_right');
    return { visible: false, writable: false, rights, reasons: [...failures] };
  }
  const writable = writableRight && !scope.readOnlyEverywhere;
  const reasons: AccessReason[] = ['visible'];
  if (writable) reasons.push('writable');
  if (!writableRight) reasons.push('right_read_only');
  if (scope.readOnlyEverywhere) reasons.push('global_read_only');
  return { visible, writable, rights, reasons };
}

/** Whether the contact may change a ticket it sees (the list's rows; explain says the same with reasons). */
export function writableFor(scope: TicketScope, projectId: number, taskId: number): boolean {
  if (scope.readOnlyEverywhere) return false;
  return liveRights(scope).some((r) => r.projectId === projectId && taskCovered(r, taskId) && !r.readOnly);
}

/**
 * The scope of the tickets the contact may change: the same rules with only the rights that are
 * not read-only, and none at all under the global read-only setting (explain's `writable`).
 * Counting in SQL with it (the access review) gives the writable tickets without a second rule.
 */
export function writableScope(scope: TicketScope): TicketScope {
  return { ...scope, rights: scope.readOnlyEverywhere ? [] : scope.rights.filter((r) => !r.readOnly) };
}
