import type { ChannelName } from '../../shared/api';
import type { TestCore } from './core';
import { pngImage } from './images';

export interface SampleIds {
  organisation: number;
  person: number;
  staff: number;
  roleGroup: number;
  account: number;
  // issue 11: projects and tickets
  project: number;
  task: number;
  secondProject: number;
  secondTask: number;
  category: number;
  ticket: number;
  assignment: number;
  timeEntry: number;
}

/** The rows the samples refer to: an organisation with a person, a staff user, a role group and an account. */
export async function createSampleRows(t: TestCore): Promise<SampleIds> {
  const organisation = await t.call('organisations:create', { name: 'Sample BV' });
  const person = await t.call('persons:create', { organisationId: organisation.id, lastName: 'Sample' });
  const staff = await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false });
  const roleGroup = await t.call('role-groups:create', { name: 'Sample group', permissions: ['tickets.read'] });
  const account = await t.call('portal-accounts:create', {
    username: 'sample@example.com',
    links: [{ organisationId: organisation.id, personId: person.id, isDefault: true }],
    roleGroupIds: [roleGroup.id],
  });
  // issue 11: a project with a task, a second one, a category, and a ticket with a secondary assignment and booked time.
  const project = await t.call('projects:create', { name: 'Sample project', organisationId: organisation.id });
  const task = await t.call('tasks:create', { projectId: project.id, name: 'Sample task' });
  const secondProject = await t.call('projects:create', { name: 'Second project', organisationId: organisation.id });
  const secondTask = await t.call('tasks:create', { projectId: secondProject.id, name: 'Second task' });
  const category = await t.call('ticket-categories:create', { nameEn: 'Question', nameNl: 'Vraag', nameDe: 'Frage' });
  const ticket = await t.call('tickets:create', {
    title: 'Sample ticket',
    projectId: project.id,
    taskId: task.id,
    contactPersonId: person.id,
    categoryIds: [category.id],
    assignments: [{ projectId: secondProject.id }],
  });
  const timeEntry = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 30 });
  const assignment = ticket.assignments[0]?.id ?? 0;
  return {
    organisation: organisation.id,
    person: person.id,
    staff: staff.id,
    roleGroup: roleGroup.id,
    account: account.id,
    project: project.id,
    task: task.id,
    secondProject: secondProject.id,
    secondTask: secondTask.id,
    category: category.id,
    ticket: ticket.id,
    assignment,
    timeEntry: timeEntry.id,
  };
}

/** A valid input for every channel; the first test fails when a new channel has none. */
export const channelSamples = (ids: SampleIds): Record<ChannelName, Record<string, unknown>> => ({
  'setup:status': {},
  'setup:create-administrator': { name: 'Second', email: 'second@example.com', password: 'Quiet-Harbour-80', language: 'en' },
  'session:sign-in': { email: 'ada@example.com', password: 'not the password' },
  'session:sign-out': {},
  'session:current': {},
  'staff:list': { search: '', sort: 'name', direction: 'asc', offset: 0, limit: 10 },
  'staff:get': { id: ids.staff },
  'staff:create': { name: 'New', email: 'new@example.com', password: 'Quiet-Harbour-78', role: 'staff', mayGrantAccess: false, language: 'en' },
  'staff:update': { id: ids.staff, name: 'Sam', email: 'sam@example.com', role: 'staff', mayGrantAccess: true, active: true, language: 'nl', password: null },
  'staff:set-my-language': { language: 'de' },
  'organisations:list': { search: 'x', sort: 'name', direction: 'desc', offset: 0, limit: 5, parentId: ids.organisation },
  'organisations:get': { id: ids.organisation },
  'organisations:create': { name: 'New Org', customerNumber: 'N-1', country: 'NL', parentId: ids.organisation, language: 'nl', internal: false },
  'organisations:update': { id: ids.organisation, name: 'Sample BV', city: 'Gent', parentId: null },
  'organisations:delete': { id: ids.organisation },
  'persons:list': { search: 'x', sort: 'lastName', direction: 'asc', offset: 0, limit: 5, organisationId: ids.organisation },
  'persons:get': { id: ids.person },
  'persons:create': { organisationId: ids.organisation, lastName: 'New', email: 'n@example.com', mobile: '+31 6 12345678' },
  'persons:update': { id: ids.person, organisationId: ids.organisation, lastName: 'Sample', firstName: 'S' },
  'persons:delete': { id: ids.person },
  'audit:list': { entity: 'person', entityId: ids.person, staffId: ids.staff, from: '2026-01-01', to: '2026-12-31', offset: 0, limit: 10 },
  'settings:get': {},
  'settings:update': { defaultLanguage: 'nl' },
  'role-groups:list': {},
  'role-groups:get': { id: ids.roleGroup },
  'role-groups:create': { name: 'New group', description: 'For tests', permissions: ['tickets.read', 'tickets.comment'] },
  'role-groups:update': { id: ids.roleGroup, name: 'Sample group', description: null, permissions: ['dashboard'] },
  'role-groups:delete': { id: ids.roleGroup, moveAccountsTo: ids.roleGroup },
  'portal-accounts:list': { search: 'x', filter: 'invited', status: 'active', organisationId: ids.organisation, personId: ids.person, roleGroupId: ids.roleGroup, sort: 'person', direction: 'desc', offset: 0, limit: 5 },
  'portal-accounts:get': { id: ids.account },
  'portal-accounts:create': {
    username: 'new-account@example.com',
    nickname: 'New',
    description: 'For tests',
    recoveryEmail: 'recovery@example.com',
    language: 'nl',
    active: true,
    password: 'Correct-Horse-Battery-9',
    links: [{ organisationId: ids.organisation, personId: ids.person, isDefault: true }],
    roleGroupIds: [ids.roleGroup],
  },
  'portal-accounts:update': {
    id: ids.account,
    nickname: 'Sam',
    language: 'de',
    links: [{ organisationId: ids.organisation, personId: null, isDefault: true }],
    roleGroupIds: [ids.roleGroup],
  },
  'portal-accounts:set-active': { id: ids.account, active: false },
  'portal-accounts:change-username': { id: ids.account, username: 'renamed@example.com' },
  'portal-accounts:delete': { id: ids.account },
  'portal-accounts:set-active-matching': { filter: { search: 'sample' }, exceptIds: [], active: true, afterId: 0, limit: 10 },
  // Every account but the sample one, which the samples after this one still use.
  'portal-accounts:delete-matching': { filter: { filter: 'all' }, exceptIds: [ids.account], afterId: 0, limit: 10 },
  'portal-accounts:effective-permissions': { id: ids.account },
  // issue 12: the back office's view of portal sessions
  'portal-accounts:sessions': { id: ids.account },
  'portal-accounts:end-sessions': { id: ids.account },
  'portal-accounts:create-for-persons': { personIds: [ids.person], roleGroupIds: [ids.roleGroup] },
  'portal-accounts:import': {
    rows: [{ line: 2, email: 'imported@example.com', organisation: String(ids.organisation), person: '', groups: '', nickname: '', language: '' }],
    dryRun: false,
  },
  'preferences:get-account-columns': {},
  'preferences:set-account-columns': { columns: ['username', 'status'] },
  'password-policy:get': {},
  'session-settings:get': {},
  'activation-settings:get': {},
  'documents:list': { accountId: ids.account, offset: 0, limit: 10 },
  'documents:open': { id: ids.account, format: 'pdf' },
  'documents:delete': { id: ids.account },
  'documents:letters-pdf': { ids: [ids.account] },
  'documents:print-start': { ids: [ids.account] },
  'documents:print-status': { jobId: 'no-such-job-0000000' },
  'portal-accounts:preview-activation': { ids: [ids.account] },
  'portal-accounts:preview-activation-matching': { filter: { search: 'sample', filter: 'all' }, exceptIds: [] },
  'portal-accounts:send-activation': { ids: [ids.account] },
  'portal-accounts:send-set-password-link': { id: ids.account },
  'portal-accounts:set-password': { id: ids.account, password: 'Lantern-Orbit-42', mustChangePassword: true },
  'activation-settings:update': { activationDays: 10, setPasswordHours: 48, companyName: 'Example BV', companyAddress: 'Hoofdstraat 1', portalUrl: 'https://portal.example.com/' },
  'activation-settings:set-logo': { mimeType: 'image/png', dataBase64: pngImage(8, 4).toString('base64') },
  'activation-settings:remove-logo': {},
  'smtp:get': {},
  // Port 9 on loopback: nothing listens, so smtp:test fails at once instead of mailing anyone.
  'smtp:update': { host: '127.0.0.1', port: 9, tls: 'none', user: 'mailer', password: 'smtp-secret', senderAddress: 'portier@example.com', senderName: 'Portier' },
  'smtp:test': { to: 'test@example.com' },
  // Port 9 on loopback again: an SMS sent there fails at once.
  'sms-gateway:get': {},
  'sms-gateway:update': { url: 'http://127.0.0.1:9/sms', headerName: 'Authorization', secret: 'Bearer sms-secret', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' },
  'sms-gateway:remove': {},
  'outbox:list': { status: 'queued', accountId: ids.account, offset: 0, limit: 10 },
  'outbox:get': { id: 1 },
  'outbox:retry': { id: 1 },
  'outbox:cancel': { id: 1 },
  'mail-templates:list': {},
  'mail-templates:update': { type: 'welcome', language: 'en', subject: 'Welcome, {{ name }}', html: '<p>Your account {{ username }} is active: {{ portal_url }}</p>' },
  'mail-templates:reset': { type: 'welcome', language: 'en' },
  'mail-templates:preview': { type: 'activation', language: 'nl', subject: 'Activeer uw account', html: '<p>{{ link }} tot {{ expires_at }}</p>' },
  'session-settings:update': { idleMinutes: 60 },
  'password-policy:update': { minLength: 10, maxLength: 128, requireUpper: true, requireLower: true, requireDigit: true, requireSymbol: false, blockCommon: true, blockContext: true },
  'hour-cards:list': { organisationId: ids.organisation },
  'hour-cards:create': { organisationId: ids.organisation, purchasedOn: '2026-01-15', minutes: 600, projectId: null, note: 'Ten hours' },
  'hour-cards:delete': { id: 1 },
  'hours:report': { organisationId: ids.organisation, interval: 'week', from: '2026-01-01', to: '2026-03-31', projectIds: [] },
  'hours:report-csv': { organisationId: ids.organisation, interval: 'month', from: '2026-01-01', to: '2026-03-31', projectIds: [], language: 'nl' },
  'hours:report-pdf': { organisationId: ids.organisation, interval: 'day', from: '2026-01-01', to: '2026-01-31', projectIds: [], language: 'de' },
  // issue 11: projects and tickets
  'projects:list': { search: 'sample', sort: 'organisation', direction: 'desc', includeArchived: true, organisationId: ids.organisation, internal: false, offset: 0, limit: 5 },
  'projects:get': { id: ids.project },
  'projects:create': { name: 'New project', organisationId: ids.organisation },
  'projects:update': { id: ids.project, name: 'Renamed project', organisationId: ids.organisation },
  'projects:archive': { id: ids.project },
  'projects:unarchive': { id: ids.project },
  'tasks:list': { search: 'sample', sort: 'updatedAt', direction: 'asc', includeArchived: true, projectId: ids.project, offset: 0, limit: 5 },
  'tasks:get': { id: ids.task },
  'tasks:create': { projectId: ids.project, name: 'New task' },
  'tasks:update': { id: ids.task, name: 'Renamed task' },
  'tasks:archive': { id: ids.task },
  'tasks:unarchive': { id: ids.task },
  'ticket-categories:list': { language: 'nl', includeArchived: true },
  'ticket-categories:create': { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' },
  'ticket-categories:update': { id: ids.category, nameEn: 'Questions', nameNl: 'Vragen', nameDe: 'Fragen' },
  'ticket-categories:archive': { id: ids.category },
  'tickets:list': {
    search: 'sample',
    projectId: ids.project,
    taskId: ids.task,
    organisationId: ids.organisation,
    status: ['new', 'in_progress'],
    priority: ['normal'],
    assigneeId: null,
    contactPersonId: ids.person,
    categoryId: ids.category,
    sort: 'priority',
    direction: 'asc',
    offset: 0,
    limit: 5,
  },
  'tickets:get': { id: ids.ticket },
  'tickets:create': {
    title: 'New ticket',
    description: 'Something broke',
    projectId: ids.project,
    taskId: ids.task,
    status: 'in_progress',
    priority: 'high',
    assigneeId: ids.staff,
    contactPersonId: ids.person,
    categoryIds: [ids.category],
    assignments: [{ projectId: ids.secondProject, taskId: ids.secondTask }],
  },
  'tickets:update': { id: ids.ticket, title: 'Renamed ticket', status: 'done', priority: 'urgent', assigneeId: ids.staff, categoryIds: [] },
  'tickets:contact-options': { projectId: ids.project, search: 'sample', limit: 5 },
  'tickets:comment': { ticketId: ids.ticket, body: 'Looked into it', internal: true },
  'tickets:history': { id: ids.ticket, offset: 0, limit: 10 },
  'tickets:add-assignment': { ticketId: ids.ticket, projectId: ids.secondProject, taskId: ids.secondTask },
  'tickets:remove-assignment': { ticketId: ids.ticket, assignmentId: ids.assignment },
  'time-entries:book': { ticketId: ids.ticket, workDate: '2026-03-03', minutes: 90, note: 'Call', billable: false, projectId: ids.secondProject },
  'time-entries:update': { id: ids.timeEntry, minutes: 45, note: 'Shorter' },
  'time-entries:delete': { id: ids.timeEntry },
  'time-entries:lock': { ids: [ids.timeEntry] },
  // Ticket rights and "view as contact" (issue 11): no project or ticket among the sample rows, so
  // channel-writes.test.ts prepares them (the matrix only needs the caller refused or not).
  'ticket-rights:list': { holder: { personId: ids.person }, includeRevoked: true },
  'ticket-rights:grant': { holder: { personId: ids.person }, projectId: 1, scope: 'all_tasks', taskId: null, readOnly: false },
  'ticket-rights:revoke': { id: 1 },
  'ticket-rights:preview': { holder: { personId: ids.person }, grant: [{ projectId: ids.project, scope: 'all_tasks', taskId: null, readOnly: false }], revoke: [] },
  'ticket-rights:get-settings': {},
  'ticket-rights:update-settings': { ticketRightsOnInternalProjects: true, customerTicketAccessReadOnly: false },
  'ticket-view:open': { contact: { accountId: ids.account } },
  'ticket-view:list': { contact: { accountId: ids.account, organisationId: ids.organisation }, quickLink: 'all', search: 'x', sort: 'number', direction: 'asc', offset: 0, limit: 10 },
  'ticket-view:explain': { contact: { personId: ids.person }, number: 10001 },
  // ticket moves (fix/moves): no ticket rows here; channel-writes.test.ts prepares a ticket with time (sampleTicketMove)
  'tickets:move-preview': { ticketIds: [1, 2], projectId: 1, taskId: 1, withTime: 'keep_as_secondary', alwaysKeepOldAsSecondary: true },
  'tickets:move': { ticketIds: [1], projectId: 1, taskId: 1, withTime: 'rebook' },
  // bulk ticket actions (fix/bulk): the sample ticket's fields, a category removed, a secondary task added
  'tickets:bulk-update': {
    ticketIds: [ids.ticket],
    changes: { status: 'in_progress', priority: 'high', assigneeId: ids.staff, contactPersonId: null, removeCategoryIds: [ids.category], addAssignment: { projectId: ids.secondProject, taskId: ids.secondTask } },
    preview: false,
  },
  // bulk ticket actions as jobs (fix/jobs): the same inputs; the view-as list's filter as a target; no job of that id
  'tickets:move-start': { ticketIds: [1], projectId: 1, taskId: 1, withTime: 'rebook' },
  'tickets:bulk-update-start': { viewAs: { contact: { accountId: ids.account }, filter: { quickLink: 'all', sort: 'number', direction: 'asc' } }, changes: { priority: 'high' } },
  'tickets:job-status': { jobId: 'no-such-job-0000000' },
  'tickets:job-cancel': { jobId: 'no-such-job-0000000' },
  // access review report (fix/cliaccess): reads only
  'reports:access': { organisationId: ids.organisation },
  'reports:access-csv': { organisationId: ids.organisation, language: 'nl' },
  'reports:access-xlsx': { language: 'de' },
  'reports:access-pdf': { organisationId: ids.organisation, language: 'en' },
  // issue 13: the connect screen. Port 9 on this machine answers nothing (refused at once), so an allowed call changes nothing either.
  'office-database:get': {},
  'office-database:test': { host: '127.0.0.1', port: 9, database: 'portier', user: 'portier', sslmode: 'disable', caFile: null },
  'office-database:use': { host: '127.0.0.1', port: 9, database: 'portier', user: 'portier', password: 'sample-password', sslmode: 'disable', caFile: null },
  'office-database:forget': {},
});
