import type { TicketPriority, TicketStatus } from '../../shared/api/tickets';
import type { CommandLine } from '../core/portier-core';

/*
 * seed-demo's ticket world (issue 11): projects and tasks for every customer organisation and
 * the internal one, categories, about 2,000 tickets with public and internal comments, booked
 * time (the older entries locked), hour cards, and ticket rights of every kind for demo
 * contacts. Everything goes through the app's channels; the choices are deterministic (no
 * random numbers), so a manual or a test can name what it shows.
 */

export const DEMO_TICKET_COUNT = 2000;

const CATEGORIES = [
  { nameEn: 'Fault', nameNl: 'Storing', nameDe: 'Störung' },
  { nameEn: 'Question', nameNl: 'Vraag', nameDe: 'Frage' },
  { nameEn: 'Change request', nameNl: 'Wijzigingsverzoek', nameDe: 'Änderungswunsch' },
  { nameEn: 'Invoice', nameNl: 'Factuur', nameDe: 'Rechnung' },
] as const;

const PROJECTS = [
  { name: 'Service & support', tasks: ['Helpdesk', 'Maintenance', 'Incidents'] },
  { name: 'Portal roll-out', tasks: ['Analysis', 'Implementation', 'Training'] },
] as const;
const INTERNAL_PROJECT = { name: 'Internal tooling', tasks: ['Build server', 'Office IT'] } as const;

const TITLES = [
  'Printer on the second floor does not print',
  'Invoice shows the wrong VAT rate',
  'Cannot sign in after the password change',
  'Request: export of all orders as CSV',
  'Report runs very slowly on Mondays',
  'New colleague needs an account',
  'Mail from the portal lands in spam',
  'Question about the maintenance window',
  'Error 500 when uploading a delivery note',
  'Please add our new branch office',
  'Dashboard figures differ from the ledger',
  'Backup job reported a warning',
] as const;

const STATUSES: readonly TicketStatus[] = ['new', 'in_progress', 'waiting_for_customer', 'done', 'accepted', 'rejected', 'closed', 'in_progress', 'new', 'done'];
const PRIORITIES: readonly TicketPriority[] = ['normal', 'low', 'normal', 'high', 'normal', 'urgent'];
const DAY = 86_400_000;

const dayOffset = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

interface DemoProject {
  id: number;
  organisationId: number;
  taskIds: number[];
}

export interface DemoTicketCounts {
  projects: number;
  tasks: number;
  tickets: number;
  comments: number;
  timeEntries: number;
  lockedTimeEntries: number;
  hourCards: number;
  rights: number;
}

async function createProject(admin: CommandLine, name: string, organisationId: number, tasks: readonly string[]): Promise<DemoProject> {
  const project = await admin.call('projects:create', { name, organisationId });
  const taskIds = [];
  for (const task of tasks) taskIds.push((await admin.call('tasks:create', { projectId: project.id, name: task })).id);
  return { id: project.id, organisationId, taskIds };
}

/** The demo contacts: activated accounts with their default link (person or whole organisation). */
export interface DemoContact {
  accountId: number;
  organisationId: number;
  personId: number | null;
}

/**
 * Rights of every kind (ZEP's "Ticket-Rechte" per contact): one task, all tasks, the tasks that
 * exist now (a task added afterwards shows "created after the right"), read-only, an internal
 * project with the setting on, and a right held by an account acting for its whole organisation.
 */
async function seedRights(admin: CommandLine, contacts: readonly DemoContact[], projectsOf: Map<number, DemoProject[]>, internal: DemoProject): Promise<{ rights: number; laterTask: { projectId: number; taskId: number } | null }> {
  await admin.call('ticket-rights:update-settings', { ticketRightsOnInternalProjects: true, customerTicketAccessReadOnly: false });
  let rights = 0;
  let laterTask: { projectId: number; taskId: number } | null = null;
  // The first eight activated contacts: the other accounts keep no rights, as most customers' do.
  for (const [i, contact] of contacts.slice(0, 8).entries()) {
    const [first, second] = projectsOf.get(contact.organisationId) ?? [];
    if (!first || !second) continue;
    const holder = contact.personId !== null ? { personId: contact.personId } : { accountId: contact.accountId, organisationId: contact.organisationId };
    const grant = async (projectId: number, scope: 'one_task' | 'all_tasks' | 'existing_tasks', taskId: number | null, readOnly = false) => {
      await admin.call('ticket-rights:grant', { holder, projectId, scope, taskId, readOnly });
      rights += 1;
    };
    const kind = i % 6;
    if (kind === 0) await grant(first.id, 'one_task', first.taskIds[0] ?? null);
    if (kind === 1) await grant(first.id, 'all_tasks', null);
    if (kind === 2) {
      await grant(second.id, 'existing_tasks', null);
      if (laterTask === null) {
        const task = await admin.call('tasks:create', { projectId: second.id, name: 'Follow-up' });
        second.taskIds.push(task.id);
        laterTask = { projectId: second.id, taskId: task.id };
      }
    }
    if (kind === 3) await grant(first.id, 'all_tasks', null, true);
    if (kind === 4) {
      await grant(first.id, 'all_tasks', null);
      await grant(internal.id, 'all_tasks', null);
    }
    if (kind === 5) {
      await grant(first.id, 'one_task', first.taskIds[1] ?? null);
      await grant(second.id, 'all_tasks', null, true);
    }
  }
  return { rights, laterTask };
}

export async function seedTickets(admin: CommandLine, organisationIds: readonly number[], internalOrganisationId: number, contacts: readonly DemoContact[]): Promise<DemoTicketCounts> {
  const categoryIds = [];
  for (const category of CATEGORIES) categoryIds.push((await admin.call('ticket-categories:create', category)).id);
  const projectsOf = new Map<number, DemoProject[]>();
  const projects: DemoProject[] = [];
  for (const organisationId of organisationIds) {
    const own = [];
    for (const p of PROJECTS) own.push(await createProject(admin, p.name, organisationId, p.tasks));
    projectsOf.set(organisationId, own);
    projects.push(...own);
  }
  const internal = await createProject(admin, INTERNAL_PROJECT.name, internalOrganisationId, INTERNAL_PROJECT.tasks);
  projects.push(internal);
  const { rights, laterTask } = await seedRights(admin, contacts, projectsOf, internal);

  const staff = (await admin.call('staff:list', {})).rows.map((s) => s.id);
  const personsOf = new Map<number, number[]>();
  for (const p of (await admin.call('persons:list', { sort: 'lastName', limit: 500 })).rows) personsOf.set(p.organisationId, [...(personsOf.get(p.organisationId) ?? []), p.id]);

  let comments = 0;
  const entryIds: { id: number; old: boolean }[] = [];
  for (let i = 0; i < DEMO_TICKET_COUNT; i += 1) {
    const project = projects[i % projects.length] as DemoProject;
    // The task added after an "existing tasks" right gets some tickets too, so explain has something to say about it.
    // Round by round over the projects, each round on the next task (i alone would tie a project to one task).
    const round = Math.floor(i / projects.length);
    const taskId = laterTask && project.id === laterTask.projectId && round % 4 === 0 ? laterTask.taskId : (project.taskIds[round % project.taskIds.length] as number);
    const people = personsOf.get(project.organisationId) ?? [];
    const ticket = await admin.call('tickets:create', {
      title: `${TITLES[i % TITLES.length] ?? ''} (#${i + 1})`,
      description: 'Reported by phone; details in the comments.',
      projectId: project.id,
      taskId,
      status: STATUSES[i % STATUSES.length] ?? 'new',
      priority: PRIORITIES[i % PRIORITIES.length] ?? 'normal',
      assigneeId: i % 7 === 0 ? null : (staff[i % staff.length] ?? null),
      contactPersonId: people.length > 0 ? (people[i % people.length] ?? null) : null,
      categoryIds: [categoryIds[i % categoryIds.length] as number],
    });
    if (i % 2 === 0) {
      await admin.call('tickets:comment', { ticketId: ticket.id, body: 'Thank you for your report, we are looking into it.', internal: false });
      comments += 1;
    }
    if (i % 5 === 0) {
      await admin.call('tickets:comment', { ticketId: ticket.id, body: 'Internal: check the server logs before answering.', internal: true });
      comments += 1;
    }
    if (i % 3 === 0) {
      const age = (i * 7) % 180;
      const entry = await admin.call('time-entries:book', { ticketId: ticket.id, workDate: dayOffset(age), minutes: 15 + ((i * 13) % 16) * 15, note: 'Analysis and answer', billable: i % 10 !== 0 });
      entryIds.push({ id: entry.id, old: age > 90 });
    }
  }
  // Entries older than three months are invoiced: locked, as a closed period is.
  const locked = entryIds.filter((e) => e.old).map((e) => e.id);
  for (let start = 0; start < locked.length; start += 1000) await admin.call('time-entries:lock', { ids: locked.slice(start, start + 1000) });

  let hourCards = 0;
  for (const organisationId of organisationIds) {
    const [first] = projectsOf.get(organisationId) ?? [];
    await admin.call('hour-cards:create', { organisationId, purchasedOn: dayOffset(200), minutes: 40 * 60, note: 'Prepaid hours' });
    if (first) await admin.call('hour-cards:create', { organisationId, purchasedOn: dayOffset(60), minutes: 20 * 60, projectId: first.id, note: 'Project hours' });
    hourCards += first ? 2 : 1;
  }
  const tasks = projects.reduce((n, p) => n + p.taskIds.length, 0);
  return { projects: projects.length, tasks, tickets: DEMO_TICKET_COUNT, comments, timeEntries: entryIds.length, lockedTimeEntries: locked.length, hourCards, rights };
}
