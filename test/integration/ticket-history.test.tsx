// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TicketHistory } from '../../renderer/src/features/tickets/TicketHistory';
import type { AuditEntry } from '../../shared/api/audit';
import { startTestCore, type TestCore } from '../support/core';
import { renderWithApp } from '../unit/renderer/support/render-app';

let t: TestCore;
const ids = { ticket: 0, website: 0, design: 0, intranet: 0, login: 0, sam: 0, kept: 0, changed: 0, gone: 0, otherGone: 0 };
let reference = '';

/*
 * One ticket's life: moved to another customer's project and task and given an assignee, then
 * time booked on it, changed, and booked and deleted; meanwhile another ticket gets (and loses)
 * time of its own, and the projects are renamed afterwards.
 */
beforeAll(async () => {
  t = await startTestCore();
  const orsted = (await t.call('organisations:create', { name: 'Brouwerij Ørsted' })).id;
  const lind = (await t.call('organisations:create', { name: 'Kaasmakerij Lind' })).id;
  ids.website = (await t.call('projects:create', { name: 'Website relaunch', organisationId: orsted })).id;
  ids.design = (await t.call('tasks:create', { projectId: ids.website, name: 'Design' })).id;
  ids.intranet = (await t.call('projects:create', { name: 'Intranet', organisationId: lind })).id;
  ids.login = (await t.call('tasks:create', { projectId: ids.intranet, name: 'Login' })).id;
  ids.sam = (await t.call('staff:create', { name: 'Sam Stevens', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false })).id;

  const ticket = await t.call('tickets:create', { title: 'Slow pages', projectId: ids.website, taskId: ids.design });
  ids.ticket = ticket.id;
  reference = ticket.reference;
  await t.call('tickets:update', { id: ticket.id, projectId: ids.intranet, taskId: ids.login, assigneeId: ids.sam });
  ids.kept = (await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 90, note: 'Call' })).id;
  await t.call('time-entries:update', { id: ids.kept, minutes: 60 });
  ids.gone = (await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-03', minutes: 30 })).id;
  await t.call('time-entries:delete', { id: ids.gone });

  const other = await t.call('tickets:create', { title: 'Other', projectId: ids.website, taskId: ids.design });
  ids.otherGone = (await t.call('time-entries:book', { ticketId: other.id, workDate: '2026-03-04', minutes: 15 })).id;
  await t.call('time-entries:delete', { id: ids.otherGone });
  await t.call('tickets:comment', { ticketId: other.id, body: 'Not this one.', internal: false });

  // Names as they were when each entry was written: a later rename changes no history.
  await t.call('projects:update', { id: ids.intranet, name: 'Intranet 2' });
  await t.call('tasks:update', { id: ids.login, name: 'Sign-in' });
});
afterAll(async () => {
  await t.close();
});
afterEach(cleanup);

const history = () => t.call('tickets:history', { id: ids.ticket });

describe('tickets:history', () => {
  it('lists the ticket’s own entries and those of its time entries, deleted ones too, newest first, and nothing of another ticket', async () => {
    const { rows, total } = await history();
    expect(rows.map((e) => [e.entity, e.entityId, e.action])).toEqual([
      ['time-entry', ids.gone, 'deleted'],
      ['time-entry', ids.gone, 'created'],
      ['time-entry', ids.kept, 'updated'],
      ['time-entry', ids.kept, 'created'],
      ['ticket', ids.ticket, 'updated'],
      ['ticket', ids.ticket, 'created'],
    ]);
    expect(total).toBe(6);
    expect(rows.map((e) => e.at)).toEqual([...rows.map((e) => e.at)].sort().reverse());
    expect(rows[0]).toMatchObject({ exists: false, label: `${reference} 2026-03-03`, before: { ticketId: ids.ticket, minutes: 30 } });
    expect(rows[2]).toMatchObject({ exists: true, before: { minutes: 90 }, after: { minutes: 60 } });
  });

  it('pages through the same list', async () => {
    const first = await t.call('tickets:history', { id: ids.ticket, offset: 0, limit: 4 });
    const second = await t.call('tickets:history', { id: ids.ticket, offset: 4, limit: 4 });
    expect(first.total).toBe(6);
    expect([...first.rows, ...second.rows].map((e) => e.id)).toEqual((await history()).rows.map((e) => e.id));
  });

  it('names projects (with their customer), tasks and staff as they were when written', async () => {
    const { rows } = await history();
    const moved = rows.find((e) => e.entity === 'ticket' && e.action === 'updated') as AuditEntry;
    expect(moved.before).toMatchObject({ projectId: ids.website, taskId: ids.design, assigneeId: null });
    expect(moved.after).toMatchObject({ projectId: ids.intranet, taskId: ids.login, assigneeId: ids.sam });
    expect(moved.names).toMatchObject({
      [`project:${ids.website}`]: 'Website relaunch (Brouwerij Ørsted)',
      [`project:${ids.intranet}`]: 'Intranet (Kaasmakerij Lind)',
      [`task:${ids.design}`]: 'Design',
      [`task:${ids.login}`]: 'Login',
      [`staff:${ids.sam}`]: 'Sam Stevens',
    });
    const booked = rows.find((e) => e.entityId === ids.kept && e.action === 'created') as AuditEntry;
    expect(booked.names).toMatchObject({ [`project:${ids.intranet}`]: 'Intranet (Kaasmakerij Lind)', [`staff:${booked.staffId}`]: 'Ada Administrator', [`ticket:${ids.ticket}`]: `${reference} Slow pages` });
  });

  it('gives the audit log screen the same names', async () => {
    const log = await t.call('audit:list', { entity: 'ticket', entityId: ids.ticket });
    const moved = log.rows.find((e) => e.action === 'updated') as AuditEntry;
    expect(moved.names[`project:${ids.intranet}`]).toBe('Intranet (Kaasmakerij Lind)');
  });
});

describe('the ticket page’s history', () => {
  const cases = [
    {
      language: 'en',
      lines: ['Time entry deleted · entry of Mar 3, 2026', 'Time booked · entry of Mar 3, 2026', 'Time entry changed · entry of Mar 2, 2026', 'Time booked · entry of Mar 2, 2026', 'Updated', 'Created'],
      project: 'Project',
      task: 'Task',
      assignee: 'Assignee',
    },
    {
      language: 'nl',
      lines: ['Tijdregel verwijderd · regel van 3 mrt 2026', 'Tijd geboekt · regel van 3 mrt 2026', 'Tijdregel gewijzigd · regel van 2 mrt 2026', 'Tijd geboekt · regel van 2 mrt 2026'],
      project: 'Project',
      task: 'Taak',
      assignee: 'Behandelaar',
    },
    {
      language: 'de',
      lines: ['Zeiteintrag gelöscht · Eintrag vom 03.03.2026', 'Zeit gebucht · Eintrag vom 03.03.2026', 'Zeiteintrag geändert · Eintrag vom 02.03.2026', 'Zeit gebucht · Eintrag vom 02.03.2026'],
      project: 'Projekt',
      task: 'Vorgang',
      assignee: 'Bearbeiter',
    },
  ] as const;

  for (const c of cases) {
    it(`reads the core’s entries in words, with names (${c.language})`, async () => {
      renderWithApp(<TicketHistory ticketId={ids.ticket} />, { 'tickets:history': (input) => t.call('tickets:history', input) }, { language: c.language });
      const table = await screen.findByRole('table');
      await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(7));
      const rows = within(table).getAllByRole('row').slice(1);
      const actions = rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent);
      expect(actions.slice(0, c.lines.length)).toEqual(c.lines);
      const moved = rows[4] as HTMLElement;
      expect(moved.textContent).toContain(`${c.project}Website relaunch (Brouwerij Ørsted) → Intranet (Kaasmakerij Lind)`);
      expect(moved.textContent).toContain(`${c.task}Design → Login`);
      expect(moved.textContent).toContain(`${c.assignee}`);
      expect(moved.textContent).toContain('Sam Stevens');
      // The ticket's own id is not repeated on its time entries; their project and staff are named.
      const booked = rows[3] as HTMLElement;
      expect(booked.textContent).toContain('Intranet (Kaasmakerij Lind)');
      expect(booked.textContent).toContain('Ada Administrator');
      expect(booked.textContent).not.toContain(`#${ids.ticket}`);
      expect(booked.textContent).not.toContain('Slow pages');
    });
  }
});
