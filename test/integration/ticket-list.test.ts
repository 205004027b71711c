import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
const ids = { organisation: 0, otherOrganisation: 0, person: 0, project: 0, task: 0, otherProject: 0, otherTask: 0, category: 0, staff: 0 };
const numbers: Record<string, number> = {};

const TITLES = ['École fermée', 'Ørsted meter', 'Łódź office', 'Șantier Cluj', 'Straße gesperrt', 'Plain printer'];

beforeAll(async () => {
  t = await startTestCore();
  ids.otherOrganisation = (await t.call('organisations:create', { name: 'Bakkerij Zon' })).id;
  // Under Bakkerij Zon's umbrella, so its person may be the contact of tickets on either's projects.
  ids.organisation = (await t.call('organisations:create', { name: 'Brouwerij De Ster', parentId: ids.otherOrganisation })).id;
  ids.person = (await t.call('persons:create', { organisationId: ids.organisation, lastName: 'Peeters' })).id;
  ids.project = (await t.call('projects:create', { name: 'Webshop', organisationId: ids.organisation })).id;
  ids.task = (await t.call('tasks:create', { projectId: ids.project, name: 'Checkout' })).id;
  ids.otherProject = (await t.call('projects:create', { name: 'Ovens', organisationId: ids.otherOrganisation })).id;
  ids.otherTask = (await t.call('tasks:create', { projectId: ids.otherProject, name: 'Repair' })).id;
  ids.category = (await t.call('ticket-categories:create', { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' })).id;
  ids.staff = (await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false })).id;
  const plan: { title: string; status: 'new' | 'in_progress' | 'done'; priority: 'low' | 'normal' | 'high' | 'urgent'; other?: boolean }[] = [
    { title: TITLES[0]!, status: 'new', priority: 'low' },
    { title: TITLES[1]!, status: 'in_progress', priority: 'urgent' },
    { title: TITLES[2]!, status: 'done', priority: 'normal' },
    { title: TITLES[3]!, status: 'new', priority: 'high', other: true },
    { title: TITLES[4]!, status: 'in_progress', priority: 'normal', other: true },
    { title: TITLES[5]!, status: 'done', priority: 'high' },
  ];
  for (const [i, p] of plan.entries()) {
    const ticket = await t.call('tickets:create', {
      title: p.title,
      status: p.status,
      priority: p.priority,
      projectId: p.other ? ids.otherProject : ids.project,
      taskId: p.other ? ids.otherTask : ids.task,
      ...(i % 2 === 0 ? { assigneeId: ids.staff, contactPersonId: ids.person, categoryIds: [ids.category] } : {}),
    });
    numbers[p.title] = ticket.number;
  }
});
afterAll(async () => {
  await t.close();
});

const titles = async (q: InputOf<'tickets:list'>) => (await t.call('tickets:list', q)).rows.map((r) => r.title);

describe('tickets:list for staff', () => {
  it('finds titles with accents ignored (É, Ø, Ł, Ș, ß), whichever way they are typed', async () => {
    expect(await titles({ search: 'ecole' })).toEqual(['École fermée']);
    expect(await titles({ search: 'ORSTED' })).toEqual(['Ørsted meter']);
    expect(await titles({ search: 'lodz' })).toEqual(['Łódź office']);
    expect(await titles({ search: 'santier' })).toEqual(['Șantier Cluj']);
    expect(await titles({ search: 'strasse' })).toEqual(['Straße gesperrt']);
    expect(await titles({ search: 'STRAẞE' })).toEqual(['Straße gesperrt']);
    expect(await titles({ search: 'Școala' })).toEqual([]);
  });

  it('finds a ticket by its number, typed as T-10003 or 10003', async () => {
    const number = numbers['Łódź office']!;
    expect(await titles({ search: `T-${number}` })).toEqual(['Łódź office']);
    expect(await titles({ search: String(number) })).toEqual(['Łódź office']);
  });

  it('filters by project, task, organisation, status, priority, assignee, contact and category', async () => {
    expect((await titles({ projectId: ids.otherProject })).sort()).toEqual(['Straße gesperrt', 'Șantier Cluj']);
    expect((await titles({ taskId: ids.otherTask })).sort()).toEqual(['Straße gesperrt', 'Șantier Cluj']);
    expect((await titles({ organisationId: ids.otherOrganisation })).sort()).toEqual(['Straße gesperrt', 'Șantier Cluj']);
    expect((await titles({ status: ['done'] })).sort()).toEqual(['Plain printer', 'Łódź office']);
    expect((await titles({ status: ['new', 'in_progress'], priority: ['normal'] })).sort()).toEqual(['Straße gesperrt']);
    const everyOther = ['École fermée', 'Łódź office', 'Straße gesperrt'].sort();
    expect((await titles({ assigneeId: ids.staff })).sort()).toEqual(everyOther);
    expect((await titles({ assigneeId: null })).sort()).toEqual(['Ørsted meter', 'Plain printer', 'Șantier Cluj'].sort());
    expect((await titles({ contactPersonId: ids.person })).sort()).toEqual(everyOther);
    expect((await titles({ categoryId: ids.category })).sort()).toEqual(everyOther);
  });

  it('sorts by number, priority and status in SQL, and pages with the total', async () => {
    expect(await titles({ sort: 'number', direction: 'asc' })).toEqual(TITLES);
    const byPriority = await t.call('tickets:list', { sort: 'priority', direction: 'desc' });
    expect(byPriority.rows.map((r) => r.priority)).toEqual(['urgent', 'high', 'high', 'normal', 'normal', 'low']);
    const byStatus = await t.call('tickets:list', { sort: 'status', direction: 'asc' });
    expect(byStatus.rows.map((r) => r.status)).toEqual(['new', 'new', 'in_progress', 'in_progress', 'done', 'done']);
    const page = await t.call('tickets:list', { sort: 'number', direction: 'desc', offset: 2, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.title)).toEqual([TITLES[3], TITLES[2]]);
    expect(page.rows[0]).toMatchObject({ reference: `T-${numbers[TITLES[3]!]}`, projectName: 'Ovens', taskName: 'Repair', organisationName: 'Bakkerij Zon', assigneeName: null, contactName: null });
    expect(page.rows[1]).toMatchObject({ projectName: 'Webshop', organisationName: 'Brouwerij De Ster', assigneeName: 'Sam', contactName: 'Peeters' });
  });

  it('puts a ticket changed last first by default (updated, newest first)', async () => {
    const id = (await t.call('tickets:list', { search: 'ecole' })).rows[0]!.id;
    // A later millisecond than every ticket's creation, so the order cannot fall back on the number.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await t.call('tickets:comment', { ticketId: id, body: 'Bumped.' });
    expect((await titles({}))[0]).toBe('École fermée');
  });
});
