import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import type { AuditEntry } from '../../shared/api/audit';
import { readBulkTicketStates } from '../../electron/core/ticket-bulk/ticket-bulk-repository';
import { resolveTicketTarget } from '../../electron/core/tickets/ticket-target';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';
import { ticketMovesWorld } from '../support/ticket-moves-world';

let t: TestCore;
const ids = { organisation: 0, person: 0, otherPerson: 0, project: 0, task: 0, side: 0, sideTask: 0, staff: 0, bug: 0, question: 0 };

beforeAll(async () => {
  t = await startTestCore();
  ids.organisation = (await t.call('organisations:create', { name: 'Brouwerij De Ster' })).id;
  ids.person = (await t.call('persons:create', { organisationId: ids.organisation, firstName: 'Anna', lastName: 'Peeters' })).id;
  ids.otherPerson = (await t.call('persons:create', { organisationId: ids.organisation, firstName: 'Bram', lastName: 'Claes' })).id;
  ids.project = (await t.call('projects:create', { name: 'Webshop', organisationId: ids.organisation })).id;
  ids.task = (await t.call('tasks:create', { projectId: ids.project, name: 'Checkout' })).id;
  ids.side = (await t.call('projects:create', { name: 'Intranet', organisationId: ids.organisation })).id;
  ids.sideTask = (await t.call('tasks:create', { projectId: ids.side, name: 'Login' })).id;
  ids.staff = (await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false })).id;
  ids.bug = (await t.call('ticket-categories:create', { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' })).id;
  ids.question = (await t.call('ticket-categories:create', { nameEn: 'Question', nameNl: 'Vraag', nameDe: 'Frage' })).id;
});
afterAll(() => t.close());

const newTicket = async (title: string, extra: Record<string, unknown> = {}) => (await t.call('tickets:create', { title, projectId: ids.project, taskId: ids.task, ...extra })).id;

/** The ticket's audit entries, oldest first. */
const auditOf = async (id: number): Promise<AuditEntry[]> => (await t.call('audit:list', { entity: 'ticket', entityId: id, limit: 500 })).rows.sort((a, b) => a.id - b.id);

const bulk = (input: InputOf<'tickets:bulk-update'>) => t.call('tickets:bulk-update', input);

describe('tickets:bulk-update on a selection', () => {
  it('changes each ticket, reports changed / unchanged / refused per ticket, and writes one audit entry per changed ticket', async () => {
    const plain = await newTicket('Plain');
    const already = await newTicket('Already so', { status: 'in_progress', assigneeId: ids.staff, categoryIds: [ids.bug], assignments: [{ projectId: ids.side, taskId: ids.sideTask }] });
    const withQuestion = await newTicket('Has a question', { categoryIds: [ids.question], contactPersonId: ids.person });
    const historyBefore = (await auditOf(already)).length;
    const report = await bulk({
      ticketIds: [plain, already, 999_999, withQuestion, plain],
      changes: { status: 'in_progress', assigneeId: ids.staff, addCategoryIds: [ids.bug], removeCategoryIds: [ids.question], addAssignment: { projectId: ids.side, taskId: ids.sideTask } },
    });
    expect(report.done).toBe(true);
    expect(report.rows.map((r) => [r.ticketId, r.outcome, r.reason, r.fields])).toEqual([
      [plain, 'changed', null, ['status', 'assigneeId', 'categoryIds', 'secondaryAssignments']],
      [already, 'unchanged', null, []],
      [999_999, 'refused', 'not_found', []],
      [withQuestion, 'changed', null, ['status', 'assigneeId', 'categoryIds', 'secondaryAssignments']],
    ]);
    expect(report.totals).toEqual({ tickets: 4, changed: 2, unchanged: 1, refused: 1 });

    const ticket = await t.call('tickets:get', { id: withQuestion });
    expect(ticket).toMatchObject({ status: 'in_progress', assigneeId: ids.staff, contactPersonId: ids.person, categories: [{ id: ids.bug }] });
    expect(ticket.assignments.map((a) => [a.projectId, a.taskId, a.origin])).toEqual([[ids.side, ids.sideTask, 'manual']]);

    const [created, entry, ...more] = await auditOf(withQuestion);
    expect(created?.action).toBe('created');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'updated',
      label: expect.stringMatching(/^T-\d+ Has a question$/),
      before: { status: 'new', assigneeId: null, categoryIds: [ids.question], secondaryAssignments: [] },
      after: { status: 'in_progress', assigneeId: ids.staff, categoryIds: [ids.bug], secondaryAssignments: [{ projectId: ids.side, taskId: ids.sideTask }] },
    });
    // Only the fields that changed: the contact person stayed.
    expect(Object.keys(entry?.after ?? {}).sort()).toEqual(['assigneeId', 'categoryIds', 'secondaryAssignments', 'status']);
    expect(await auditOf(already)).toHaveLength(historyBefore);
  });

  it('sets an assignee or contact person to none with null', async () => {
    const id = await newTicket('Someone on it', { assigneeId: ids.staff, contactPersonId: ids.person });
    await bulk({ ticketIds: [id], changes: { assigneeId: null, contactPersonId: null } });
    expect(await t.call('tickets:get', { id })).toMatchObject({ assigneeId: null, contactPersonId: null });
  });
});

describe('tickets:bulk-update on the staff list filter', () => {
  it('takes exactly what tickets:list shows for the filter, less exceptIds, in the list order', async () => {
    const filter = { search: 'Filtered batch', status: ['new' as const], sort: 'number' as const, direction: 'asc' as const };
    const [a, b, c] = [await newTicket('Filtered batch a'), await newTicket('Filtered batch b'), await newTicket('Filtered batch c')];
    const done = await newTicket('Filtered batch done', { status: 'done' });
    const other = await newTicket('Something else');
    const listed = (await t.call('tickets:list', { ...filter, limit: 500 })).rows.map((r) => r.id);
    expect(listed).toEqual([a, b, c]);

    const report = await bulk({ filter, exceptIds: [b], changes: { priority: 'urgent' } });
    expect(report.rows.map((r) => [r.ticketId, r.outcome])).toEqual([
      [a, 'changed'],
      [c, 'changed'],
    ]);
    for (const [id, priority] of [[a, 'urgent'], [b, 'normal'], [c, 'urgent'], [done, 'normal'], [other, 'normal']] as const) {
      expect((await t.call('tickets:get', { id })).priority, `ticket ${id}`).toBe(priority);
    }
  });

  it('works through more than one chunk of 500, one audit entry per ticket', async () => {
    const staffId = (await t.call('session:current', {}))?.id ?? 0;
    const world = ticketMovesWorld(t.core.deps.db, staffId);
    const place = await world.project('Chunked');
    const ticketIds: number[] = [];
    for (let i = 0; i < 620; i++) ticketIds.push(await world.ticket(place));
    const report = await bulk({ filter: { projectId: place.projectId }, changes: { status: 'closed' } });
    expect(report.totals).toEqual({ tickets: 620, changed: 620, unchanged: 0, refused: 0 });
    const states = await readBulkTicketStates(t.core.deps.db, ticketIds);
    expect([...states.values()].every((s) => s.status === 'closed')).toBe(true);
    const entries = await t.core.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity', '=', 'ticket')
      .where('entity_id', 'in', ticketIds)
      .where('action', '=', 'updated')
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(620);
  });

  it('refuses a filter that shows more tickets than one call takes, rather than acting on the first ones', async () => {
    await newTicket('Too many 1');
    await newTicket('Too many 2');
    await newTicket('Too many 3');
    const filter = { search: 'Too many', sort: 'number' as const, direction: 'asc' as const };
    expect(await resolveTicketTarget(t.core.deps.db, { filter, exceptIds: [] }, 3, new Date())).toHaveLength(3);
    const error = await errorOf(resolveTicketTarget(t.core.deps.db, { filter, exceptIds: [] }, 2, new Date()));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ filter: { code: 'too_big' } });
  });
});

describe('the dry run', () => {
  it('changes nothing and answers what the update then does', async () => {
    const ids2 = [await newTicket('Preview a'), await newTicket('Preview b', { priority: 'high' })];
    const input = { ticketIds: [...ids2, 999_998], changes: { priority: 'high' as const, addCategoryIds: [ids.question] } };
    const before = await databaseFingerprint(t.core);
    const preview = await bulk({ ...input, preview: true });
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(preview.done).toBe(false);
    expect(preview.totals).toEqual({ tickets: 3, changed: 2, unchanged: 0, refused: 1 });
    const done = await bulk(input);
    expect(done).toEqual({ ...preview, done: true });
  });
});

describe('refusals', () => {
  /** A refusal with a field error that changed nothing. */
  async function expectRefused(input: InputOf<'tickets:bulk-update'>, code: string, field: string) {
    const before = await databaseFingerprint(t.core);
    const error = await errorOf(bulk(input));
    expect(error.code).toBe(code);
    expect(error.fields?.[field], `no field error for ${field}: ${JSON.stringify(error.fields)}`).toBeDefined();
    expect(await databaseFingerprint(t.core)).toBe(before);
  }

  it('refuses what the tickets core refuses, for the whole call, before any ticket changes', async () => {
    const id = await newTicket('Refusals');
    await expectRefused({ ticketIds: [id], changes: { status: 'done', assigneeId: 999_999 } }, 'NOT_FOUND', 'changes.assigneeId');
    await expectRefused({ ticketIds: [id], changes: { status: 'done', contactPersonId: 999_999 } }, 'NOT_FOUND', 'changes.contactPersonId');
    await expectRefused({ ticketIds: [id], changes: { status: 'done', addCategoryIds: [999_999] } }, 'NOT_FOUND', 'changes.addCategoryIds');
    await expectRefused({ ticketIds: [id], changes: { addAssignment: { projectId: 999_999 } } }, 'NOT_FOUND', 'changes.addAssignment.projectId');
    await expectRefused({ ticketIds: [id], changes: { addAssignment: { projectId: ids.side, taskId: ids.task } } }, 'VALIDATION', 'changes.addAssignment.taskId');
  });

  it('refuses input that names both or neither of ids and filter, or adds and removes one category', async () => {
    const id = await newTicket('Bad input');
    await expectRefused({ ticketIds: [id], filter: { projectId: ids.project }, changes: { status: 'done' } }, 'VALIDATION', 'ticketIds');
    await expectRefused({ changes: { status: 'done' } }, 'VALIDATION', 'ticketIds');
    await expectRefused({ ticketIds: [id], changes: { addCategoryIds: [ids.bug], removeCategoryIds: [ids.bug] } }, 'VALIDATION', 'changes.removeCategoryIds');
    expect((await errorOf(bulk({ ticketIds: Array.from({ length: 10_001 }, (_, i) => i + 1), changes: { status: 'done' } }))).code).toBe('VALIDATION');
  });
});

describe('40 bulk updates at once on overlapping tickets', () => {
  it('leave every ticket consistent: its audit chain runs from its first state to its final state', async () => {
    const tickets: number[] = [];
    for (let i = 0; i < 12; i++) tickets.push(await newTicket(`Race ${i}`));
    const initial = await readBulkTicketStates(t.core.deps.db, tickets);
    // A fixed pseudo-random sequence: the same calls on every run.
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const statuses = ['new', 'in_progress', 'done', 'closed'] as const;
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;
    const calls = Array.from({ length: 40 }, (_, i) => {
      const selection = tickets.filter(() => next(2) === 0);
      const changes: InputOf<'tickets:bulk-update'>['changes'] = {
        ...(i % 2 === 0 ? { status: statuses[next(4)] } : { priority: priorities[next(4)] }),
        ...(i % 3 === 0 ? { assigneeId: next(2) === 0 ? ids.staff : null } : {}),
        ...(i % 4 === 1 ? { addCategoryIds: [ids.bug] } : i % 4 === 3 ? { removeCategoryIds: [ids.bug], addCategoryIds: [ids.question] } : {}),
        ...(i % 5 === 2 ? { addAssignment: { projectId: ids.side, taskId: next(2) === 0 ? ids.sideTask : null } } : {}),
      };
      return bulk({ ticketIds: selection.length > 0 ? selection : [tickets[0] ?? 0], changes });
    });
    const reports = await Promise.all(calls);
    const final = await readBulkTicketStates(t.core.deps.db, tickets);
    let changedRows = 0;
    for (const r of reports) changedRows += r.totals.changed;
    let updates = 0;
    for (const id of tickets) {
      const start = initial.get(id);
      const end = final.get(id);
      if (!start || !end) throw new Error(`ticket ${id} is gone`);
      const state: Record<string, unknown> = {
        status: start.status,
        priority: start.priority,
        assigneeId: start.assigneeId,
        contactPersonId: start.contactPersonId,
        categoryIds: start.categoryIds,
        secondaryAssignments: start.assignments,
      };
      for (const entry of (await auditOf(id)).filter((e) => e.action === 'updated')) {
        updates++;
        // Each entry starts where the one before it ended.
        for (const [field, value] of Object.entries(entry.before ?? {})) expect(value, `ticket ${id} entry ${entry.id} ${field}`).toEqual(state[field]);
        Object.assign(state, entry.after);
      }
      expect(state).toEqual({
        status: end.status,
        priority: end.priority,
        assigneeId: end.assigneeId,
        contactPersonId: end.contactPersonId,
        categoryIds: end.categoryIds,
        secondaryAssignments: end.assignments,
      });
    }
    expect(updates).toBe(changedRows);
    expect(updates).toBeGreaterThan(40);
  });
});
