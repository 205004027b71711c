import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../shared/ticket-number';
import { databaseFingerprint, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
const ids = { organisation: 0, person: 0, project: 0, task: 0, otherProject: 0, otherTask: 0, category: 0, staff: 0 };

beforeAll(async () => {
  t = await startTestCore();
  ids.organisation = (await t.call('organisations:create', { name: 'Brouwerij De Ster' })).id;
  ids.person = (await t.call('persons:create', { organisationId: ids.organisation, firstName: 'Anna', lastName: 'Peeters' })).id;
  ids.project = (await t.call('projects:create', { name: 'Webshop', organisationId: ids.organisation })).id;
  ids.task = (await t.call('tasks:create', { projectId: ids.project, name: 'Checkout' })).id;
  ids.otherProject = (await t.call('projects:create', { name: 'Intranet', organisationId: ids.organisation })).id;
  ids.otherTask = (await t.call('tasks:create', { projectId: ids.otherProject, name: 'Login' })).id;
  ids.category = (await t.call('ticket-categories:create', { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' })).id;
  ids.staff = (await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false })).id;
});
afterAll(async () => {
  await t.close();
});

const newTicket = (title: string, extra: Record<string, unknown> = {}) => t.call('tickets:create', { title, projectId: ids.project, taskId: ids.task, ...extra });

/** A refusal with a field error that changed nothing. */
async function expectRefused(call: () => Promise<unknown>, code: string, field: string) {
  const before = await databaseFingerprint(t.core);
  const error = await errorOf(call());
  expect(error.code).toBe(code);
  expect(error.fields?.[field], `no field error for ${field}: ${JSON.stringify(error.fields)}`).toBeDefined();
  expect(await databaseFingerprint(t.core)).toBe(before);
}

describe('tickets:create and tickets:get', () => {
  it('numbers tickets from 10001 up, shown as T-<number>, with everything the page shows', async () => {
    const ticket = await newTicket('Checkout fails', {
      description: 'Payment page shows an error.',
      priority: 'high',
      assigneeId: ids.staff,
      contactPersonId: ids.person,
      categoryIds: [ids.category],
      assignments: [{ projectId: ids.otherProject, taskId: ids.otherTask }],
    });
    expect(ticket.number).toBeGreaterThanOrEqual(10001);
    expect(ticket.reference).toBe(formatTicketNumber(ticket.number));
    expect(ticket).toMatchObject({
      title: 'Checkout fails',
      status: 'new',
      priority: 'high',
      projectName: 'Webshop',
      taskName: 'Checkout',
      organisationName: 'Brouwerij De Ster',
      assigneeName: 'Sam',
      contactName: 'Anna Peeters',
      createdByStaffName: 'Ada Administrator',
      categories: [{ id: ids.category, nameEn: 'Bug' }],
      assignments: [{ projectId: ids.otherProject, taskId: ids.otherTask, taskName: 'Login', origin: 'manual' }],
      comments: [],
      timeEntries: [],
      totalMinutes: 0,
    });
    const next = await newTicket('Second');
    expect(next.number).toBe(ticket.number + 1);
    expect(formatTicketNumber(10234)).toBe('T-10234');
  });

  it('gets comments (internal ones too), time entries and their total', async () => {
    const ticket = await newTicket('With activity');
    await t.call('tickets:comment', { ticketId: ticket.id, body: 'We are on it.' });
    await t.call('tickets:comment', { ticketId: ticket.id, body: 'Customer is grumpy.', internal: true });
    await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 30 });
    await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-03', minutes: 45, billable: false });
    const got = await t.call('tickets:get', { id: ticket.id });
    expect(got.comments.map((c) => [c.body, c.internal, c.authorStaffName])).toEqual([
      ['We are on it.', false, 'Ada Administrator'],
      ['Customer is grumpy.', true, 'Ada Administrator'],
    ]);
    expect(got.timeEntries.map((e) => [e.workDate, e.minutes, e.billable, e.projectId])).toEqual([
      ['2026-03-02', 30, true, ids.project],
      ['2026-03-03', 45, false, ids.project],
    ]);
    expect(got.totalMinutes).toBe(75);
  });

  it('refuses a task of another project, unknown ids and a duplicate assignment, with field errors and no change', async () => {
    await expectRefused(() => newTicket('Wrong task', { taskId: ids.otherTask }), 'VALIDATION', 'taskId');
    await expectRefused(() => newTicket('No project', { projectId: 999_999 }), 'NOT_FOUND', 'projectId');
    await expectRefused(() => newTicket('No task', { taskId: 999_999 }), 'NOT_FOUND', 'taskId');
    await expectRefused(() => newTicket('No category', { categoryIds: [999_999] }), 'NOT_FOUND', 'categoryIds');
    await expectRefused(() => newTicket('No assignee', { assigneeId: 999_999 }), 'NOT_FOUND', 'assigneeId');
    await expectRefused(() => newTicket('No contact', { contactPersonId: 999_999 }), 'NOT_FOUND', 'contactPersonId');
    await expectRefused(() => newTicket('Bad assignment', { assignments: [{ projectId: ids.otherProject, taskId: ids.task }] }), 'VALIDATION', 'assignments.0.taskId');
    await expectRefused(
      () => newTicket('Twice', { assignments: [{ projectId: ids.otherProject }, { projectId: ids.otherProject }] }),
      'CONFLICT',
      'assignments.1.projectId',
    );
    await expectRefused(() => t.call('tickets:get', { id: 999_999 }), 'NOT_FOUND', 'id');
  });

  it('takes no new tickets on an archived project or task', async () => {
    const project = await t.call('projects:create', { name: 'Closed down', organisationId: ids.organisation });
    const task = await t.call('tasks:create', { projectId: project.id, name: 'Old task' });
    await t.call('tasks:archive', { id: task.id });
    await expectRefused(() => newTicket('On an archived task', { projectId: project.id, taskId: task.id }), 'VALIDATION', 'taskId');
    await t.call('tasks:unarchive', { id: task.id });
    await t.call('projects:archive', { id: project.id });
    await expectRefused(() => newTicket('On an archived project', { projectId: project.id, taskId: task.id }), 'VALIDATION', 'projectId');
    await t.call('projects:unarchive', { id: project.id });
    expect((await newTicket('Open again', { projectId: project.id, taskId: task.id })).projectName).toBe('Closed down');
  });

  it('gives 40 tickets created at once 40 different numbers, one after the other', async () => {
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => newTicket(`Parallel ${i}`)));
    const numbers = created.map((c) => c.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(40);
    expect(numbers.at(-1)! - numbers[0]!).toBe(39);
  });
});

describe('tickets:update and tickets:history', () => {
  it('changes only the fields given, audited with before/after; history is newest first', async () => {
    const ticket = await newTicket('Slow search', { contactPersonId: ids.person });
    const updated = await t.call('tickets:update', { id: ticket.id, status: 'in_progress', priority: 'urgent', categoryIds: [ids.category, ids.category] });
    expect(updated).toMatchObject({ title: 'Slow search', status: 'in_progress', priority: 'urgent', contactPersonId: ids.person, categories: [{ id: ids.category }] });
    await t.call('tickets:update', { id: ticket.id, title: 'Slow search page', contactPersonId: null });
    await t.call('tickets:comment', { ticketId: ticket.id, body: 'Cache added.', internal: true });
    const history = await t.call('tickets:history', { id: ticket.id });
    expect(history.rows.map((e) => e.action)).toEqual(['commented', 'updated', 'updated', 'created']);
    expect(history.rows[2]).toMatchObject({
      entity: 'ticket',
      entityId: ticket.id,
      exists: true,
      label: `${ticket.reference} Slow search`,
      before: { status: 'new', priority: 'normal', categoryIds: [] },
      after: { status: 'in_progress', priority: 'urgent', categoryIds: [ids.category] },
    });
    expect(history.rows[1]).toMatchObject({ before: { title: 'Slow search', contactPersonId: ids.person }, after: { title: 'Slow search page', contactPersonId: null } });
    expect(history.rows[0]).toMatchObject({ after: { body: 'Cache added.', internal: true } });
  });

  it('writes nothing for an update that changes nothing: no audit entry, the same updatedAt', async () => {
    const ticket = await newTicket('Unchanged', { priority: 'high' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const same = await t.call('tickets:update', { id: ticket.id, title: 'Unchanged', priority: 'high', categoryIds: [] });
    expect(same.updatedAt).toBe(ticket.updatedAt);
    expect((await t.call('tickets:history', { id: ticket.id })).total).toBe(1);
  });

  it('moves a ticket to another project only with a task of that project', async () => {
    const ticket = await newTicket('Move me');
    await expectRefused(() => t.call('tickets:update', { id: ticket.id, projectId: ids.otherProject }), 'VALIDATION', 'taskId');
    await expectRefused(() => t.call('tickets:update', { id: ticket.id, taskId: ids.otherTask }), 'VALIDATION', 'taskId');
    await expectRefused(() => t.call('tickets:update', { id: 999_999, title: 'x' }), 'NOT_FOUND', 'id');
    const moved = await t.call('tickets:update', { id: ticket.id, projectId: ids.otherProject, taskId: ids.otherTask });
    expect(moved).toMatchObject({ projectId: ids.otherProject, taskId: ids.otherTask, projectName: 'Intranet' });
  });

  it('refuses to move the primary project away from booked time (the bulk move rebooks it)', async () => {
    const ticket = await newTicket('Booked');
    await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 15 });
    await expectRefused(() => t.call('tickets:update', { id: ticket.id, projectId: ids.otherProject, taskId: ids.otherTask }), 'IN_USE', 'projectId');
    // Once the old primary project is a secondary assignment, the time still lies on the ticket's assignments.
    await t.call('tickets:add-assignment', { ticketId: ticket.id, projectId: ids.project, taskId: ids.task });
    const moved = await t.call('tickets:update', { id: ticket.id, projectId: ids.otherProject, taskId: ids.otherTask });
    expect(moved.projectId).toBe(ids.otherProject);
    expect(moved.timeEntries[0]?.projectId).toBe(ids.project);
  });
});

describe('secondary assignments', () => {
  it('are added by hand and removed, audited; refused twice, and refused for removal while time lies on them', async () => {
    const ticket = await newTicket('Shared work');
    const withAssignment = await t.call('tickets:add-assignment', { ticketId: ticket.id, projectId: ids.otherProject });
    const assignment = withAssignment.assignments[0]!;
    expect(assignment).toMatchObject({ projectId: ids.otherProject, taskId: null, origin: 'manual' });
    await expectRefused(() => t.call('tickets:add-assignment', { ticketId: ticket.id, projectId: ids.otherProject }), 'CONFLICT', 'projectId');
    await expectRefused(() => t.call('tickets:add-assignment', { ticketId: ticket.id, projectId: ids.otherProject, taskId: ids.task }), 'VALIDATION', 'taskId');

    const entry = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-04', minutes: 60, projectId: ids.otherProject });
    expect(entry).toMatchObject({ projectId: ids.otherProject, taskId: null });
    await expectRefused(() => t.call('tickets:remove-assignment', { ticketId: ticket.id, assignmentId: assignment.id }), 'IN_USE', 'assignmentId');
    await t.call('time-entries:delete', { id: entry.id });
    const without = await t.call('tickets:remove-assignment', { ticketId: ticket.id, assignmentId: assignment.id });
    expect(without.assignments).toEqual([]);
    await expectRefused(() => t.call('tickets:remove-assignment', { ticketId: ticket.id, assignmentId: assignment.id }), 'NOT_FOUND', 'assignmentId');
    const history = await t.call('tickets:history', { id: ticket.id });
    // The time entry's booking and deletion are part of the ticket's history too.
    expect(history.rows.map((e) => [e.entity, e.action])).toEqual([
      ['ticket', 'assignment-removed'],
      ['time-entry', 'deleted'],
      ['time-entry', 'created'],
      ['ticket', 'assignment-added'],
      ['ticket', 'created'],
    ]);
    expect(history.rows[0]).toMatchObject({ before: { projectId: ids.otherProject, taskId: null, origin: 'manual' } });
  });
});

describe('time entries', () => {
  it('lie on the primary project unless a secondary assignment’s project is given; any other project is refused', async () => {
    const ticket = await newTicket('Time');
    const primary = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 90, note: 'Call' });
    expect(primary).toMatchObject({ projectId: ids.project, taskId: ids.task, staffName: 'Ada Administrator', billable: true, locked: false });
    await expectRefused(() => t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 10, projectId: ids.otherProject }), 'VALIDATION', 'projectId');
    await expectRefused(() => t.call('time-entries:book', { ticketId: 999_999, workDate: '2026-03-02', minutes: 10 }), 'NOT_FOUND', 'ticketId');
    await expectRefused(() => t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-02-30', minutes: 10 }), 'VALIDATION', 'workDate');
    await expectRefused(() => t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 0 }), 'VALIDATION', 'minutes');
  });

  it('are changed and deleted until locked, then refused with a field error; every step audited', async () => {
    const ticket = await newTicket('Invoiced');
    const entry = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 90 });
    const changed = await t.call('time-entries:update', { id: entry.id, minutes: 60, note: 'Shorter call' });
    expect(changed).toMatchObject({ minutes: 60, note: 'Shorter call', workDate: '2026-03-02' });
    expect(await t.call('time-entries:lock', { ids: [entry.id, entry.id] })).toEqual({ locked: 1 });
    expect(await t.call('time-entries:lock', { ids: [entry.id] })).toEqual({ locked: 0 });
    await expectRefused(() => t.call('time-entries:update', { id: entry.id, minutes: 30 }), 'CONFLICT', 'id');
    await expectRefused(() => t.call('time-entries:delete', { id: entry.id }), 'CONFLICT', 'id');
    await expectRefused(() => t.call('time-entries:lock', { ids: [999_999] }), 'NOT_FOUND', 'ids');
    await expectRefused(() => t.call('time-entries:update', { id: 999_999, minutes: 30 }), 'NOT_FOUND', 'id');
    const audit = await t.call('audit:list', { entity: 'time-entry', entityId: entry.id });
    expect(audit.rows.map((e) => e.action)).toEqual(['locked', 'updated', 'created']);
    expect(audit.rows[1]).toMatchObject({ label: `${ticket.reference} 2026-03-02`, before: { minutes: 90, note: '' }, after: { minutes: 60, note: 'Shorter call' } });
    expect((await t.call('tickets:get', { id: ticket.id })).timeEntries[0]?.locked).toBe(true);
  });

  it('are refused on an archived project or task (primary or secondary); entries already there stay and are corrected in place', async () => {
    const project = await t.call('projects:create', { name: 'Winding down', organisationId: ids.organisation });
    const task = await t.call('tasks:create', { projectId: project.id, name: 'Last work' });
    const side = await t.call('projects:create', { name: 'Side project', organisationId: ids.organisation });
    const sideTask = await t.call('tasks:create', { projectId: side.id, name: 'Side task' });
    const ticket = await newTicket('Archived later', { projectId: project.id, taskId: task.id, assignments: [{ projectId: side.id, taskId: sideTask.id }] });
    const book = (projectId?: number) => t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 15, ...(projectId ? { projectId } : {}) });
    const refusedWith = async (call: () => Promise<unknown>, code: string) => {
      await expectRefused(call, 'VALIDATION', 'projectId');
      expect((await errorOf(call())).fields).toEqual({ projectId: { code } });
    };
    const entry = await book();
    await t.call('projects:archive', { id: project.id });
    await refusedWith(() => book(), 'project_archived');
    // The secondary assignment's project is open: time goes there, but not back onto the archived primary.
    const onSide = await book(side.id);
    await refusedWith(() => t.call('time-entries:update', { id: onSide.id, projectId: project.id }), 'project_archived');
    // What was booked stays visible, and is corrected where it lies (the dialog sends its project again).
    expect((await t.call('tickets:get', { id: ticket.id })).timeEntries.map((e) => [e.id, e.projectId])).toEqual([
      [entry.id, project.id],
      [onSide.id, side.id],
    ]);
    expect(await t.call('time-entries:update', { id: entry.id, projectId: project.id, minutes: 20 })).toMatchObject({ minutes: 20, projectId: project.id });

    await t.call('projects:unarchive', { id: project.id });
    await t.call('tasks:archive', { id: task.id });
    await refusedWith(() => book(), 'task_archived');
    await t.call('tasks:archive', { id: sideTask.id });
    await refusedWith(() => book(side.id), 'task_archived');
    await t.call('tasks:unarchive', { id: task.id });
    expect((await book()).projectId).toBe(project.id);
  });

  it('are locked by administrators only', async () => {
    const ticket = await newTicket('Staff time');
    const staff = await signedIn(t.core, 'sam@example.com', 'Quiet-Harbour-79');
    const entry = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 20 }, staff);
    expect(entry.staffName).toBe('Sam');
    expect((await errorOf(t.call('time-entries:lock', { ids: [entry.id] }, staff))).code).toBe('FORBIDDEN');
    await t.call('time-entries:delete', { id: entry.id }, staff);
    expect((await t.call('tickets:get', { id: ticket.id })).timeEntries).toEqual([]);
  });
});
