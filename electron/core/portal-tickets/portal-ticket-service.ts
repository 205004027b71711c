import type { ContactTicketRow } from '../../../shared/api/ticket-view';
import type { PortalParsedInputOf } from '../../../shared/portal-api';
import type { PortalTicket, PortalTicketOptions, PortalTicketProject } from '../../../shared/portal-api/tickets';
import { personDisplayName } from '../contacts/person-name';
import type { CoreDeps } from '../context';
import type { PortalAccountPrincipal } from '../principal';
import { toContactTicketDetail, type StaffTicketDetail } from '../ticket-access/contact-ticket-fields';
import { explain, liveRights } from '../ticket-access/ticket-access';
import { contactTicketPage, portalScope } from '../ticket-access/ticket-view-service';
import { readTicket } from '../tickets/ticket-service';
import { readThrough } from '../db/read-cache';
import { requirePermission, visibleTicket } from './portal-ticket-access';
import { accountAuthorNames, projectsWithTasks } from './portal-ticket-repository';

/*
 * The customer's tickets (issue 12, point 7), read through the SAME service as "view as
 * contact": the contact's scope from the one access function, the list from contactTicketPage,
 * every field through the one whitelist (contact-ticket-fields.ts). Nothing here builds a
 * ticket query of its own.
 */

/** The customer's list: exactly the rows "view as contact" shows for the contact the account acts as. */
export async function listPortalTickets(deps: CoreDeps, principal: PortalAccountPrincipal, query: PortalParsedInputOf<'portal-tickets:list'>): Promise<{ rows: ContactTicketRow[]; total: number }> {
  // A customer's page asked again before anything changed is answered again (see read-cache.ts).
  return readThrough(deps, `portal-tickets:${principalKey(principal)}:${JSON.stringify(query)}`, () => readPortalTickets(deps, principal, query));
}

const principalKey = (p: PortalAccountPrincipal) => `${p.accountId}:${p.organisationId}:${p.personId ?? ''}`;

async function readPortalTickets(deps: CoreDeps, principal: PortalAccountPrincipal, query: PortalParsedInputOf<'portal-tickets:list'>): Promise<{ rows: ContactTicketRow[]; total: number }> {
  await requirePermission(deps.db, principal.accountId, 'tickets.read');
  const { scope } = await portalScope(deps.db, principal, deps.clock());
  const { rows, total } = await contactTicketPage(deps.db, scope, query);
  return { rows: rows.map((r) => r.row), total };
}

/**
 * The projects and tasks the contact sees tickets of (the list's filters) and which of them take
 * a new ticket: each project-and-task pair is put to explain() as if a ticket stood on it.
 */
export async function portalTicketOptions(deps: CoreDeps, principal: PortalAccountPrincipal): Promise<PortalTicketOptions> {
  return readThrough(deps, `portal-ticket-options:${principalKey(principal)}`, () => readPortalTicketOptions(deps, principal));
}

async function readPortalTicketOptions(deps: CoreDeps, principal: PortalAccountPrincipal): Promise<PortalTicketOptions> {
  const permissions = await requirePermission(deps.db, principal.accountId, 'tickets.read');
  const { scope } = await portalScope(deps.db, principal, deps.clock());
  const { projects, tasks } = await projectsWithTasks(deps.db, [...new Set(liveRights(scope).map((r) => r.projectId))]);
  const offered: PortalTicketProject[] = [];
  for (const project of projects) {
    const projectInternal = project.organisation_id === null || project.internal === 1;
    const seen: PortalTicketProject['tasks'] = [];
    for (const task of tasks.filter((t) => t.project_id === project.id)) {
      const verdict = explain(scope, { projectId: project.id, taskId: task.id, projectOrganisationId: project.organisation_id, projectInternal, taskCreatedAt: task.created_at });
      if (verdict.visible) seen.push({ id: task.id, name: task.name, writable: verdict.writable && project.archived_at === null && task.archived_at === null });
    }
    if (seen.length > 0) offered.push({ id: project.id, name: project.name, tasks: seen });
  }
  const mayCreate = permissions.includes('tickets.create') && offered.some((p) => p.tasks.some((t) => t.writable));
  return { projects: offered, mayCreate };
}

/** One ticket as its contact sees it; NOT_FOUND alike for a ticket that does not exist and one the contact may not see. */
export async function getPortalTicket(deps: CoreDeps, principal: PortalAccountPrincipal, number: number): Promise<PortalTicket> {
  const permissions = await requirePermission(deps.db, principal.accountId, 'tickets.read');
  const { id, writable } = await visibleTicket(deps.db, principal, number, deps.clock());
  const ticket = await readTicket(deps.db, id);
  const accountIds = [...new Set(ticket.comments.flatMap((c) => (c.authorAccountId !== null && c.authorStaffId === null ? [c.authorAccountId] : [])))];
  const names = new Map((await accountAuthorNames(deps.db, accountIds)).map((a) => [a.id, a.nickname ?? personDisplayName(a.first_name, a.last_name) ?? a.username]));
  const staffView: StaffTicketDetail = {
    ...ticket,
    assignee: ticket.assigneeId === null ? null : { id: ticket.assigneeId, name: ticket.assigneeName ?? '' },
    comments: ticket.comments.map((c) => ({ id: c.id, body: c.body, internal: c.internal, authorName: c.authorStaffName ?? (c.authorAccountId !== null ? (names.get(c.authorAccountId) ?? null) : null), createdAt: c.createdAt })),
    secondaryAssignments: ticket.assignments,
  };
  const detail = toContactTicketDetail(staffView);
  return {
    ...detail,
    writable,
    may: {
      comment: writable && permissions.includes('tickets.comment'),
      acceptOrReject: writable && detail.status === 'done' && permissions.includes('tickets.accept_reject'),
    },
  };
}
