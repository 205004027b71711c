// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkUpdateDialog } from '../../../renderer/src/features/tickets/bulk/BulkUpdateDialog';
import { MoveReportView } from '../../../renderer/src/features/tickets/bulk/MoveReportView';
import { ViewAsScreen } from '../../../renderer/src/features/view-as/ViewAsScreen';
import type { InputOf } from '../../../shared/api';
import type { TicketBulkReport, TicketBulkRow } from '../../../shared/api/ticket-bulk';
import type { TicketMoveReport } from '../../../shared/api/ticket-moves';
import type { TicketRight } from '../../../shared/api/ticket-rights';
import { person, project, staffMember, task } from './support/fixtures';
import { pick } from './support/picker';
import { renderWithApp } from './support/render-app';

/*
 * The bulk dialogs' and the view-as list's pickers search in the core as staff type (any of
 * thousands of projects, tasks, persons or staff), and the reports say per ticket what the
 * contact rule did: a contact refused for another customer's ticket, a contact taken off by a move.
 */

afterEach(cleanup);

type BulkInput = InputOf<'tickets:bulk-update'>;
const AT = '2026-02-01T09:00:00.000Z';

/** A list channel's answer: the rows whose name contains the search, one page, and how many match. */
function matching<T>(rows: readonly T[], name: (row: T) => string, input: { search?: string; limit?: number }) {
  const found = rows.filter((r) => name(r).toLowerCase().includes((input.search ?? '').toLowerCase()));
  return { rows: found.slice(0, input.limit ?? 50), total: found.length };
}

/** 700 persons named to sort before the one picked: Otto is found only by typing. */
const PERSONS = [...Array.from({ length: 700 }, (_, i) => person({ id: 1000 + i, firstName: 'Anna', lastName: `Aalders ${i}` })), person({ id: 9, firstName: 'Otto', lastName: 'Anders', organisationName: 'Globex' })];
const personName = (p: (typeof PERSONS)[number]) => `${p.firstName ?? ''} ${p.lastName}`;

const row = (ticketId: number, overrides: Partial<TicketBulkRow> = {}): TicketBulkRow => ({ ticketId, number: 10000 + ticketId, title: `Ticket ${ticketId}`, outcome: 'changed', reason: null, fields: ['contactPersonId'], ...overrides });
const report = (done: boolean, rows: TicketBulkRow[]): TicketBulkReport => ({
  done,
  rows,
  totals: { tickets: rows.length, changed: rows.filter((r) => r.outcome === 'changed').length, unchanged: rows.filter((r) => r.outcome === 'unchanged').length, refused: rows.filter((r) => r.outcome === 'refused').length },
});

describe('the bulk "change contact"', () => {
  it('finds the person by searching in the core, and the dry run names the tickets refused for another customer, in the UI language', async () => {
    const user = userEvent.setup();
    const dryRun = report(false, [row(1), row(2, { outcome: 'refused', reason: 'contact_of_other_customer', fields: [] })]);
    const { fake } = renderWithApp(
      <BulkUpdateDialog action="contact" scope={{ selection: [1, 2] }} onClose={() => undefined} />,
      {
        'session:current': () => staffMember(),
        'persons:list': (input) => matching(PERSONS, personName, input),
        'tickets:bulk-update': () => dryRun,
      },
      { language: 'nl' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Contactpersoon wijzigen' });
    expect(within(dialog).getByText(/Een ticket krijgt het nieuwe contact alleen als zijn project/)).toBeTruthy();
    await pick(user, dialog, 'Nieuwe contactpersoon', 'otto', /Otto Anders · Globex/);
    expect(fake.callsTo('persons:list')).toContainEqual(expect.objectContaining({ search: 'otto' }));
    await user.click(within(dialog).getByRole('button', { name: 'Laten zien wat er gebeurt' }));

    const shown = await within(dialog).findByRole('region', { name: 'Proefrun: er is nog niets gewijzigd' });
    expect(within(shown).getByRole('row', { name: /T-10002/ }).textContent).toContain('Geweigerd: het nieuwe contact is geen persoon van de klant van het project van dit ticket');
    expect(within(shown).getByRole('row', { name: /T-10001/ }).textContent).toContain('Wordt gewijzigd');
    expect(within(shown).getByText('Tickets: 2 · gewijzigd: 1 · ongewijzigd: 0 · geweigerd: 1')).toBeTruthy();
    expect(fake.callsTo('tickets:bulk-update')).toEqual([{ ticketIds: [1, 2], changes: { contactPersonId: 9 }, preview: true }]);
  });

  it('takes the contact off every ticket with "No contact person"', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<BulkUpdateDialog action="contact" scope={{ selection: [1] }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'persons:list': (input) => matching(PERSONS, personName, input),
      'tickets:bulk-update': () => report(false, [row(1)]),
    });
    const dialog = screen.getByRole('dialog', { name: 'Change contact' });
    const preview = within(dialog).getByRole('button', { name: 'Show what will happen' }) as HTMLButtonElement;
    expect(preview.disabled).toBe(true);
    await user.click(within(dialog).getByRole('checkbox', { name: 'No contact person' }));
    expect((within(dialog).getByRole('combobox', { name: 'New contact person' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(preview);
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(fake.callsTo('tickets:bulk-update')).toEqual([{ ticketIds: [1], changes: { contactPersonId: null }, preview: true }]);
  });
});

describe('the bulk "change assignee"', () => {
  const STAFF = [...Array.from({ length: 520 }, (_, i) => staffMember({ id: 100 + i, name: `Aaron ${i}`, email: `aaron${i}@example.com` })), staffMember({ id: 7, name: 'Zora Zimmer', email: 'zora@example.com' })];

  it('searches every staff user for administrators, beyond a page of 500', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<BulkUpdateDialog action="assignee" scope={{ selection: [1] }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'staff:list': (input) => matching(STAFF, (s) => s.name, input),
      'tickets:bulk-update': () => report(false, [row(1, { fields: ['assigneeId'] })]),
    });
    const dialog = screen.getByRole('dialog', { name: 'Change assignee' });
    const box = within(dialog).getByRole('combobox', { name: 'New assignee' });
    await user.click(box);
    expect(await within(dialog).findByText('20 of 521 shown: type to search for the others.')).toBeTruthy();
    await pick(user, dialog, 'New assignee', 'zora', /Zora Zimmer/);
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(fake.callsTo('tickets:bulk-update')).toEqual([{ ticketIds: [1], changes: { assigneeId: 7 }, preview: true }]);
  });

  it('offers staff who may not list staff only themselves, or nobody', async () => {
    const user = userEvent.setup();
    const me = staffMember({ id: 5, name: 'Sam Staff', role: 'staff' });
    const { fake } = renderWithApp(<BulkUpdateDialog action="assignee" scope={{ selection: [1] }} onClose={() => undefined} />, {
      'session:current': () => me,
      'tickets:bulk-update': () => report(false, [row(1, { fields: ['assigneeId'] })]),
    });
    const dialog = screen.getByRole('dialog', { name: 'Change assignee' });
    await user.click(within(dialog).getByRole('combobox', { name: 'New assignee' }));
    const list = within(dialog).getByRole('listbox', { name: 'New assignee' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Sam Staff']));
    expect(fake.callsTo('staff:list')).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Nobody' }));
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(fake.callsTo('tickets:bulk-update')).toEqual([{ ticketIds: [1], changes: { assigneeId: null }, preview: true }]);
  });
});

describe('the bulk "add a secondary project"', () => {
  it('picks the project and, optionally, its task by searching', async () => {
    const user = userEvent.setup();
    const projects = [...Array.from({ length: 600 }, (_, i) => project({ id: 1000 + i, name: `Archive ${String(i).padStart(3, '0')}` })), project({ id: 41, name: 'Webshop' })];
    const { fake } = renderWithApp(<BulkUpdateDialog action="secondary" scope={{ selection: [1, 2] }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'projects:list': (input) => matching(projects, (p) => p.name, input),
      'tasks:list': (input) => matching([task({ id: 51, projectId: 41, name: 'Design' })], (x) => x.name, input),
      'tickets:bulk-update': () => report(false, [row(1, { fields: ['secondaryAssignments'] })]),
    });
    const dialog = screen.getByRole('dialog', { name: 'Add a secondary project' });
    expect((within(dialog).getByRole('combobox', { name: 'Task' }) as HTMLInputElement).disabled).toBe(true);
    await pick(user, dialog, 'Project', 'websh', 'Webshop — Bäckerei Müller GmbH');
    await pick(user, dialog, 'Task', '', 'Design');
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect((fake.callsTo('tickets:bulk-update') as BulkInput[]).map((c) => c.changes)).toEqual([{ addAssignment: { projectId: 41, taskId: 51 } }]);
    expect(fake.callsTo('tasks:list')).toContainEqual(expect.objectContaining({ projectId: 41 }));
  });
});

describe("a move's report", () => {
  const moved = (ticketId: number, contactRemoved: TicketMoveReport['rows'][number]['contactRemoved']) => ({
    ticketId,
    number: 10000 + ticketId,
    title: `Ticket ${ticketId}`,
    from: { projectId: 41, projectName: 'Webshop', taskId: 51, taskName: 'Design' },
    to: { projectId: 43, projectName: 'Globex portal', taskId: 53, taskName: 'Support' },
    outcome: 'moved' as const,
    entriesMoved: 0,
    minutesMoved: 0,
    lockedEntriesKept: 0,
    lockedMinutesKept: 0,
    secondaryAssignmentAdded: null,
    contactRemoved,
  });
  const withRemoved: TicketMoveReport = {
    done: false,
    rows: [moved(1, { personId: 3, name: 'Greet Zwart', organisationName: 'Brouwerij Groep' }), moved(2, null)],
    totals: { tickets: 2, moved: 2, taskChanged: 0, skippedHasTime: 0, unchanged: 0, entriesMoved: 0, minutesMoved: 0, lockedEntriesKept: 0, lockedMinutesKept: 0, secondaryAssignmentsAdded: 0, contactsRemoved: 1 },
    notFoundTicketIds: [],
    visibility: [],
  };

  it('warns, and names per ticket, the contact person a move to another customer takes off', () => {
    renderWithApp(<MoveReportView report={withRemoved} preview />, {});
    const region = screen.getByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(region).getByRole('note').textContent).toBe(
      '1 ticket loses its contact person, who is no person of the new project’s customer. The audit log keeps who it was; choose a new contact afterwards.',
    );
    expect(within(region).getByRole('columnheader', { name: 'Contact person' })).toBeTruthy();
    expect(within(region).getByRole('row', { name: /T-10001/ }).textContent).toContain('Greet Zwart (Brouwerij Groep) taken off: no person of the new project’s customer');
    expect(within(region).getByRole('row', { name: /T-10002/ }).textContent).not.toContain('taken off');
  });

  it('says it in German too, and says nothing when every contact stays', () => {
    renderWithApp(<MoveReportView report={withRemoved} preview={false} />, {}, { language: 'de' });
    expect(screen.getByRole('row', { name: /T-10001/ }).textContent).toContain('Greet Zwart (Brouwerij Groep) entfernt: keine Person des Kunden des neuen Projekts');
    cleanup();
    renderWithApp(<MoveReportView report={{ ...withRemoved, rows: [moved(2, null)], totals: { ...withRemoved.totals, tickets: 1, moved: 1, contactsRemoved: 0 } }} preview={false} />, {});
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('the view-as filters', () => {
  const right = (id: number, projectId: number, projectName: string): TicketRight => ({
    id,
    personId: 3,
    accountId: null,
    organisationId: null,
    projectId,
    projectName,
    scope: 'all_tasks',
    taskId: null,
    taskName: null,
    taskIds: [],
    readOnly: false,
    createdAt: AT,
    revokedAt: null,
  });
  const RIGHTS = [...Array.from({ length: 30 }, (_, i) => right(100 + i, 1000 + i, `Filiale ${String(i).padStart(2, '0')}`)), right(7, 41, 'Bäckerei Webshop'), { ...right(8, 42, 'Revoked project'), revokedAt: AT }];

  it('search the projects the contact holds a live right on, then that project’s tasks, and filter the list by them', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ViewAsScreen contact={{ personId: 3 }} />, {
      'session:current': () => staffMember(),
      'ticket-view:open': () => ({ kind: 'person', accountId: null, personId: 3, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', allowed: true, reasons: [] }),
      'ticket-view:list': () => ({ rows: [], total: 0 }),
      'ticket-rights:list': (input) => RIGHTS.filter((r) => input.includeRevoked || r.revokedAt === null),
      'tasks:list': (input) => matching([task({ id: 51, projectId: 41, name: 'Design' }), task({ id: 52, projectId: 41, name: 'Build' })], (x) => x.name, input),
    });
    const filters = await screen.findByRole('form', { name: 'Filters' });
    const projectBox = within(filters).getByRole('combobox', { name: 'Project' });
    await user.click(projectBox);
    expect(await within(filters).findByText('20 of 31 shown: type to search for the others.')).toBeTruthy();
    // Accents aside, as the core searches; a revoked right's project is not offered.
    await user.type(projectBox, 'backerei');
    const list = within(filters).getByRole('listbox', { name: 'Project' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Bäckerei Webshop']));
    await user.click(within(list).getByRole('option', { name: 'Bäckerei Webshop' }));
    await waitFor(() => expect(fake.callsTo('ticket-view:list').at(-1)).toMatchObject({ projectId: 41 }));
    await user.clear(projectBox);
    await user.type(projectBox, 'revoked');
    await waitFor(() => expect(within(list).queryAllByRole('option')).toEqual([]));
    await user.tab();

    await pick(user, filters, 'Task', 'bui', 'Build');
    await waitFor(() => expect(fake.callsTo('ticket-view:list').at(-1)).toMatchObject({ projectId: 41, taskId: 52, offset: 0 }));
    expect(fake.callsTo('tasks:list')).toContainEqual(expect.objectContaining({ projectId: 41 }));
  });
});
