import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ViewContact } from '../../shared/api/ticket-view';
import type { AppError } from '../../shared/errors';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { ticketRows } from '../support/ticket-world';

/*
 * Every rule of the access function (issue 11, point 11) as a table test through the real
 * channels: the list a contact sees (ticket-view:list, the SQL condition) and explain (the
 * same rules in TypeScript) must agree on each row of the table.
 */
let t: TestCore;
let now: Date;
let rows: ReturnType<typeof ticketRows>;
let acme: number;
let globex: number;
let internalOrg: number;
let alice: number;

beforeEach(async () => {
  now = new Date('2026-03-01T10:00:00.000Z');
  t = await startTestCore({ clock: () => now });
  rows = ticketRows(t.core.deps.db, () => now);
  acme = (await t.call('organisations:create', { name: 'Acme' })).id;
  globex = (await t.call('organisations:create', { name: 'Globex' })).id;
  internalOrg = (await t.call('organisations:create', { name: 'Us', internal: true })).id;
  alice = (await t.call('persons:create', { organisationId: acme, lastName: 'Alice' })).id;
});
afterEach(async () => {
  await t.close();
});

const later = (minutes = 1) => (now = new Date(now.getTime() + minutes * 60_000));

async function seen(contact: ViewContact): Promise<number[]> {
  const page = await t.call('ticket-view:list', { contact, quickLink: 'all', sort: 'number', direction: 'asc' });
  return page.rows.map((r) => r.number);
}

async function why(contact: ViewContact, number: number) {
  return t.call('ticket-view:explain', { contact, number });
}

/** The list and explain agree on each ticket: the table's every row holds for both halves. */
async function expectSees(contact: ViewContact, visible: number[], hidden: number[]): Promise<void> {
  const list = await seen(contact);
  expect(list).toEqual(expect.arrayContaining(visible));
  for (const n of hidden) expect(list).not.toContain(n);
  for (const n of visible) expect((await why(contact, n)).visible, `T-${n}`).toBe(true);
  for (const n of hidden) expect((await why(contact, n)).visible, `T-${n}`).toBe(false);
}

const grant = (holder: { personId: number } | { accountId: number; organisationId: number }, projectId: number, scope: 'one_task' | 'all_tasks' | 'existing_tasks', extra: { taskId?: number; readOnly?: boolean } = {}) =>
  t.call('ticket-rights:grant', { holder, projectId, scope, taskId: extra.taskId ?? null, readOnly: extra.readOnly ?? false });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('ticket rights decide what a contact sees', () => {
  it('no right, no ticket: being the ticket contact or its creator grants nothing', async () => {
    const project = await rows.project(acme);
    const task = await rows.task(project);
    const own = await rows.ticket(project, task, { contactPersonId: alice });
    await expectSees({ personId: alice }, [], [own]);
    expect((await why({ personId: alice }, own)).reasons).toEqual(['no_right']);
  });

  it('all tasks: every task of the project, also tasks created after the right', async () => {
    const project = await rows.project(acme);
    const a = await rows.ticket(project, await rows.task(project));
    await grant({ personId: alice }, project, 'all_tasks');
    later();
    const b = await rows.ticket(project, await rows.task(project, 'Later'));
    await expectSees({ personId: alice }, [a, b], []);
  });

  it('one task: only that task of the project', async () => {
    const project = await rows.project(acme);
    const design = await rows.task(project, 'Design');
    const build = await rows.task(project, 'Build');
    const inScope = await rows.ticket(project, design);
    const outOfScope = await rows.ticket(project, build);
    await grant({ personId: alice }, project, 'one_task', { taskId: design });
    await expectSees({ personId: alice }, [inScope], [outOfScope]);
    expect((await why({ personId: alice }, outOfScope)).reasons).toEqual(['task_not_in_scope']);
    const visible = await why({ personId: alice }, inScope);
    expect(visible.reasons).toEqual(['visible', 'writable']);
    expect(visible.rights[0]?.checks.every((c) => c.passed)).toBe(true);
  });

  it('existing tasks: a task created after the right is not covered, and explain says so', async () => {
    const project = await rows.project(acme);
    const before = await rows.ticket(project, await rows.task(project, 'Before'));
    await grant({ personId: alice }, project, 'existing_tasks');
    later();
    const after = await rows.ticket(project, await rows.task(project, 'After'));
    await expectSees({ personId: alice }, [before], [after]);
    expect((await why({ personId: alice }, after)).reasons).toContain('task_created_after_right');
  });

  it('internal projects: refused while the setting is off; covered while on, and hidden again when it goes off', async () => {
    const internal = await rows.project(internalOrg, 'Internal');
    const noOwner = await rows.project(null, 'No owner');
    const a = await rows.ticket(internal, await rows.task(internal));
    const b = await rows.ticket(noOwner, await rows.task(noOwner));
    const error = await refusal(grant({ personId: alice }, internal, 'all_tasks'));
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { projectId: { code: 'internal_not_allowed' } } });
    await t.call('ticket-rights:update-settings', { ticketRightsOnInternalProjects: true, customerTicketAccessReadOnly: false });
    await grant({ personId: alice }, internal, 'all_tasks');
    await grant({ personId: alice }, noOwner, 'all_tasks');
    await expectSees({ personId: alice }, [a, b], []);
    await t.call('ticket-rights:update-settings', { ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: false });
    await expectSees({ personId: alice }, [], [a, b]);
    expect((await why({ personId: alice }, a)).reasons).toContain('internal_not_allowed');
  });

  it('read-only right vs global read-only: visible either way, writable only with neither', async () => {
    const project = await rows.project(acme);
    const design = await rows.task(project, 'Design');
    const build = await rows.task(project, 'Build');
    const readOnly = await rows.ticket(project, design);
    const writable = await rows.ticket(project, build);
    await grant({ personId: alice }, project, 'one_task', { taskId: design, readOnly: true });
    await grant({ personId: alice }, project, 'one_task', { taskId: build });
    const list = await t.call('ticket-view:list', { contact: { personId: alice }, quickLink: 'all', sort: 'number', direction: 'asc' });
    expect(list.rows.map((r) => [r.number, r.writable])).toEqual([
      [readOnly, false],
      [writable, true],
    ]);
    expect(await why({ personId: alice }, readOnly)).toMatchObject({ visible: true, writable: false, reasons: expect.arrayContaining(['right_read_only']) });
    await t.call('ticket-rights:update-settings', { ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: true });
    const after = await t.call('ticket-view:list', { contact: { personId: alice }, quickLink: 'all', sort: 'number', direction: 'asc' });
    expect(after.rows.map((r) => [r.number, r.writable])).toEqual([
      [readOnly, false],
      [writable, false],
    ]);
    expect(await why({ personId: alice }, writable)).toMatchObject({ visible: true, writable: false, reasons: expect.arrayContaining(['global_read_only']) });
  });

  it('a revoked right shows nothing and explain names it', async () => {
    const project = await rows.project(acme);
    const ticket = await rows.ticket(project, await rows.task(project));
    const right = await grant({ personId: alice }, project, 'all_tasks');
    await expectSees({ personId: alice }, [ticket], []);
    const revoked = await t.call('ticket-rights:revoke', { id: right.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expectSees({ personId: alice }, [], [ticket]);
    expect((await why({ personId: alice }, ticket)).reasons).toEqual(['right_revoked']);
    expect((await t.call('ticket-rights:list', { holder: { personId: alice }, includeRevoked: false }))).toEqual([]);
  });

  it('an inactive account sees nothing, an account link with a person sees through the person, one for the whole organisation holds its own rights', async () => {
    const project = await rows.project(acme);
    const ticket = await rows.ticket(project, await rows.task(project));
    const roleGroupIds = [(await t.call('role-groups:list', {}))[0]?.id ?? 0];
    const withPerson = await t.call('portal-accounts:create', { username: 'alice@acme.test', password: 'Lantern-Orbit-42', links: [{ organisationId: acme, personId: alice, isDefault: true }], roleGroupIds });
    const whole = await t.call('portal-accounts:create', { username: 'office@acme.test', password: 'Lantern-Orbit-43', links: [{ organisationId: acme, personId: null, isDefault: true }], roleGroupIds });
    await grant({ personId: alice }, project, 'all_tasks');
    await expectSees({ accountId: withPerson.id }, [ticket], []);
    await expectSees({ accountId: whole.id }, [], [ticket]);
    const error = await refusal(grant({ accountId: withPerson.id, organisationId: acme }, project, 'all_tasks'));
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { holder: { code: 'link_names_person' } } });
    await grant({ accountId: whole.id, organisationId: acme }, project, 'all_tasks');
    await expectSees({ accountId: whole.id }, [ticket], []);
    await t.call('portal-accounts:set-active', { id: withPerson.id, active: false });
    await expectSees({ accountId: withPerson.id }, [], [ticket]);
    expect((await why({ accountId: withPerson.id }, ticket)).reasons).toContain('account_inactive');
  });

  it("a ticket moved to another customer's project leaves the old customer's view; a secondary assignment does not keep it there", async () => {
    const mine = await rows.project(acme);
    const theirs = await rows.project(globex);
    const ticket = await rows.ticket(mine, await rows.task(mine));
    await grant({ personId: alice }, mine, 'all_tasks');
    await expectSees({ personId: alice }, [ticket], []);
    await rows.move(ticket, theirs, await rows.task(theirs));
    await rows.secondary(ticket, mine);
    await expectSees({ personId: alice }, [], [ticket]);
    expect((await why({ personId: alice }, ticket)).reasons).toEqual(['no_right']);
  });

  it("refuses a right on another customer's project, and one on a task of another project", async () => {
    const theirs = await rows.project(globex);
    const mine = await rows.project(acme);
    const theirTask = await rows.task(theirs);
    expect(await refusal(grant({ personId: alice }, theirs, 'all_tasks'))).toMatchObject({ fields: { projectId: { code: 'other_customer_project' } } });
    expect(await refusal(grant({ personId: alice }, mine, 'one_task', { taskId: theirTask }))).toMatchObject({ fields: { taskId: { code: 'not_found' } } });
    expect(await t.call('ticket-rights:list', { holder: { personId: alice }, includeRevoked: true })).toEqual([]);
  });

  it('a right is a scope and a read-only flag: no field for staff-only powers gets through', async () => {
    const project = await rows.project(acme);
    const input = { holder: { personId: alice }, projectId: project, scope: 'all_tasks', taskId: null, readOnly: false, seeAllTickets: true };
    const result = await t.core.invoke(t.admin, 'ticket-rights:grant', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('ticket-rights:list', { holder: { personId: alice }, includeRevoked: true })).toEqual([]);
  });
});

describe('customers never get staff-only powers (the Planfix auditor: every ticket of a project, closing them)', () => {
  it('refuses them in every shape a caller might try, changing nothing', async () => {
    const project = await rows.project(acme);
    const holder = { personId: alice };
    const before = await databaseFingerprint(t.core);
    for (const input of [
      { holder, projectId: project, scope: 'auditor', taskId: null, readOnly: false },
      { holder, projectId: project, scope: 'every_ticket', taskId: null, readOnly: false },
      { holder, projectId: project, scope: 'all_tasks', taskId: null, readOnly: false, mayCloseAll: true },
      { holder, projectId: project, scope: 'all_tasks', taskId: null, readOnly: false, permissions: ['tickets.close_any'] },
    ]) {
      expect(await t.core.invoke(t.admin, 'ticket-rights:grant', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
    // What a right can be: a scope of the project's tasks and a read-only flag, nothing more.
    const right = await grant(holder, project, 'all_tasks');
    expect(Object.keys(right).sort()).toEqual(['accountId', 'createdAt', 'id', 'organisationId', 'personId', 'projectId', 'projectName', 'readOnly', 'revokedAt', 'scope', 'taskId', 'taskIds', 'taskName']);
  });
});

describe('ticket rights are audited; the view is audited once per opening and shows only whitelisted fields', () => {
  it('grant and revoke write before/after of the holder’s rights; an existing-tasks right stores the tasks of now', async () => {
    const project = await rows.project(acme);
    const task = await rows.task(project);
    const right = await grant({ personId: alice }, project, 'existing_tasks');
    expect(right).toMatchObject({ scope: 'existing_tasks', taskIds: [task], readOnly: false, revokedAt: null });
    await t.call('ticket-rights:revoke', { id: right.id });
    const log = await t.call('audit:list', { entity: 'person', entityId: alice });
    const entries = log.rows.filter((e) => e.action === 'ticket-rights-changed');
    expect(entries).toHaveLength(2);
    const [revoke, give] = entries;
    expect(give?.before).toEqual({ ticketRights: [] });
    expect(give?.after).toMatchObject({ ticketRights: [{ id: right.id, projectId: project, scope: 'existing_tasks', taskIds: [task] }] });
    expect(revoke?.after).toEqual({ ticketRights: [] });
  });

  it('ticket-view:open writes one audit entry and names the contact; list rows carry no staff-only field', async () => {
    const project = await rows.project(acme);
    await rows.ticket(project, await rows.task(project), { title: 'Printer' });
    await grant({ personId: alice }, project, 'all_tasks');
    const opened = await t.call('ticket-view:open', { contact: { personId: alice } });
    expect(opened).toMatchObject({ kind: 'person', personId: alice, organisationId: acme, name: 'Alice', organisationName: 'Acme', allowed: true });
    await seen({ personId: alice });
    const log = await t.call('audit:list', { entity: 'person', entityId: alice });
    expect(log.rows.filter((e) => e.action === 'tickets-viewed-as')).toHaveLength(1);
    const page = await t.call('ticket-view:list', { contact: { personId: alice }, search: 'print', quickLink: 'open' });
    expect(page.total).toBe(1);
    // The contact's whitelisted fields, plus the ticket's id: the view is staff-only, and staff's bulk actions take ids.
    expect(Object.keys(page.rows[0] ?? {}).sort()).toEqual(['assigneeName', 'createdAt', 'id', 'number', 'priority', 'projectId', 'projectName', 'status', 'taskId', 'taskName', 'title', 'updatedAt', 'writable']);
    const staffList = await t.call('tickets:list', { search: 'print' });
    expect(page.rows[0]?.id).toBe(staffList.rows[0]?.id);
  });

  it('quick links filter by status', async () => {
    const project = await rows.project(acme);
    const task = await rows.task(project);
    const waiting = await rows.ticket(project, task, { status: 'waiting_for_customer' });
    const done = await rows.ticket(project, task, { status: 'done' });
    const closed = await rows.ticket(project, task, { status: 'closed' });
    await grant({ personId: alice }, project, 'all_tasks');
    const numbers = async (quickLink: 'open' | 'waiting_for_me' | 'done_to_accept' | 'all') =>
      (await t.call('ticket-view:list', { contact: { personId: alice }, quickLink, sort: 'number', direction: 'asc' })).rows.map((r) => r.number);
    expect(await numbers('open')).toEqual([waiting]);
    expect(await numbers('waiting_for_me')).toEqual([waiting]);
    expect(await numbers('done_to_accept')).toEqual([done]);
    expect(await numbers('all')).toEqual([waiting, done, closed]);
    const byNumber = await t.call('ticket-view:list', { contact: { personId: alice }, quickLink: 'all', search: `T-${closed}` });
    expect(byNumber.rows.map((r) => r.number)).toEqual([closed]);
    const paged = await t.call('ticket-view:list', { contact: { personId: alice }, quickLink: 'all', sort: 'priority', direction: 'desc', offset: 1, limit: 1 });
    expect(paged).toMatchObject({ total: 3, rows: [{ number: done }] });
  });
});
