// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS, toListQuery } from '../../../renderer/src/features/tickets/ticket-list-store';
import { useTicketSelection } from '../../../renderer/src/features/tickets/ticket-selection';
import { emptyTicketForm, validateTicketForm } from '../../../renderer/src/features/tickets/ticket-form-values';
import { TicketFormDialog } from '../../../renderer/src/features/tickets/TicketFormDialog';
import { formatDuration, parseDuration } from '../../../renderer/src/features/tickets/time-entry-input';
import { hrefOf, parseHash } from '../../../renderer/src/router/routes';
import type { Project, Task } from '../../../shared/api/projects';
import type { TicketDetail } from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { pick } from './support/picker';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-03-14T09:26:53.000Z';

const project = (overrides: Partial<Project> = {}): Project => ({
  id: 3,
  name: 'Website',
  organisationId: 7,
  organisationName: 'Bäckerei Müller GmbH',
  internal: false,
  archived: false,
  taskCount: 2,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

const task = (id: number, projectId: number, name: string): Task => ({ id, projectId, projectName: '', name, archived: false, createdAt: AT, updatedAt: AT });

describe('time typed for a time entry', () => {
  it('reads hours and minutes in every language, and decimal hours with the language’s own mark', () => {
    for (const language of ['en', 'nl', 'de']) expect(parseDuration('1:30', language)).toEqual({ minutes: 90 });
    expect(parseDuration('1,5', 'nl')).toEqual({ minutes: 90 });
    expect(parseDuration('0,25', 'de')).toEqual({ minutes: 15 });
    expect(parseDuration('1.5', 'en')).toEqual({ minutes: 90 });
    expect(parseDuration(' 2 ', 'nl')).toEqual({ minutes: 120 });
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(5)).toBe('0:05');
  });

  it('refuses empty, foreign-format, zero and more than a day, each with its own problem', () => {
    expect(parseDuration('', 'nl')).toEqual({ error: { code: 'required' } });
    // In Dutch "1.5" could be a grouped 15: refused, never guessed.
    expect(parseDuration('1.5', 'nl')).toEqual({ error: { code: 'invalid_format' } });
    expect(parseDuration('1,5', 'en')).toEqual({ error: { code: 'invalid_format' } });
    expect(parseDuration('1:75', 'en')).toEqual({ error: { code: 'invalid_format' } });
    expect(parseDuration('0:00', 'de')).toEqual({ error: { code: 'too_small', min: 1 } });
    expect(parseDuration('24:01', 'de')).toEqual({ error: { code: 'too_big', max: 24 } });
  });
});

describe('the new ticket dialog', () => {
  it('needs a title, a project and a task before it sends anything', () => {
    expect(validateTicketForm(emptyTicketForm())).toEqual({ title: { code: 'required' }, projectId: { code: 'required' }, taskId: { code: 'required' } });
    expect(validateTicketForm({ ...emptyTicketForm(3), title: '   ', taskId: '5' })).toEqual({ title: { code: 'required' } });
    expect(validateTicketForm({ ...emptyTicketForm(3), title: 'x'.repeat(301), taskId: '5' })).toEqual({ title: { code: 'too_long', max: 300 } });
    expect(validateTicketForm({ ...emptyTicketForm(3), title: 'Shop is down', taskId: '5' })).toEqual({});
  });

  it('marks the missing fields, offers the tasks of the chosen project only, and creates the ticket in Dutch', async () => {
    const user = userEvent.setup();
    const created: TicketDetail[] = [];
    const { fake } = renderWithApp(
      <TicketFormDialog onClose={(saved) => saved && created.push(saved)} />,
      {
        'session:current': () => staffMember(),
        'projects:list': () => ({ rows: [project(), project({ id: 4, name: 'Intranet', organisationId: null, organisationName: null, internal: true })], total: 2 }),
        'tasks:list': (input) => {
          const rows = input.projectId === 3 ? [task(5, 3, 'Bouw'), task(6, 3, 'Onderhoud')] : [task(9, 4, 'Intern werk')];
          return { rows, total: rows.length };
        },
        'persons:list': () => ({ rows: [], total: 0 }),
        'staff:list': () => ({ rows: [staffMember()], total: 1 }),
        'ticket-categories:list': () => [],
        'tickets:create': (input) => ({
          id: 40,
          number: 10001,
          reference: 'T-10001',
          title: input.title,
          status: input.status ?? 'new',
          priority: input.priority ?? 'normal',
          projectId: input.projectId,
          projectName: 'Website',
          taskId: input.taskId,
          taskName: 'Onderhoud',
          organisationId: 7,
          organisationName: 'Bäckerei Müller GmbH',
          assigneeId: input.assigneeId ?? null,
          assigneeName: null,
          contactPersonId: null,
          contactName: null,
          createdAt: AT,
          updatedAt: AT,
          description: input.description ?? '',
          createdByStaffId: 1,
          createdByStaffName: 'Ada Administrator',
          createdByAccountId: null,
          categories: [],
          assignments: [],
          comments: [],
          timeEntries: [],
          totalMinutes: 0,
        }),
      },
      { language: 'nl' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Nieuw ticket' });
    await user.click(within(dialog).getByRole('button', { name: 'Ticket aanmaken' }));
    expect(within(dialog).getByLabelText('Titel').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('combobox', { name: 'Project' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getAllByText('Dit veld is verplicht.')).toHaveLength(3);
    expect(fake.callsTo('tickets:create')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Titel'), 'Kassa werkt niet');
    await user.click(within(dialog).getByRole('combobox', { name: 'Project' }));
    const projects = within(dialog).getByRole('listbox', { name: 'Project' });
    await within(projects).findByRole('option', { name: 'Website — Bäckerei Müller GmbH' });
    expect(within(projects).getByRole('option', { name: 'Intranet (intern)' })).toBeTruthy();
    await user.click(within(projects).getByRole('option', { name: 'Website — Bäckerei Müller GmbH' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'Taak' }));
    const tasks = within(dialog).getByRole('listbox', { name: 'Taak' });
    await within(tasks).findByRole('option', { name: 'Onderhoud' });
    expect(within(tasks).queryByRole('option', { name: 'Intern werk' })).toBeNull();
    await user.click(within(tasks).getByRole('option', { name: 'Onderhoud' }));
    await user.selectOptions(within(dialog).getByLabelText('Prioriteit'), 'urgent');
    await user.click(within(dialog).getByRole('button', { name: 'Ticket aanmaken' }));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(fake.callsTo('tickets:create')).toEqual([
      {
        title: 'Kassa werkt niet',
        description: '',
        projectId: 3,
        taskId: 6,
        status: 'new',
        priority: 'urgent',
        assigneeId: null,
        contactPersonId: null,
        categoryIds: [],
        assignments: [],
      },
    ]);
  });
});

describe('the contact of a ticket in the dialog', () => {
  const handlers = (contactOptions: (input: { projectId: number; search?: string | undefined }) => { rows: { id: number; name: string; organisationId: number; organisationName: string }[]; total: number }) => ({
    'session:current': () => staffMember(),
    'projects:list': () => ({ rows: [project()], total: 1 }),
    'tasks:list': () => ({ rows: [task(5, 3, 'Build')], total: 1 }),
    'staff:list': () => ({ rows: [staffMember()], total: 1 }),
    'ticket-categories:list': () => [],
    'tickets:contact-options': contactOptions,
  });

  it("is searched among the persons the core allows for the chosen project, its customer's first, and says when there are more", async () => {
    const user = userEvent.setup();
    const anna = { id: 8, name: 'Anna Müller', organisationId: 7, organisationName: 'Bäckerei Müller GmbH' };
    const { fake } = renderWithApp(
      <TicketFormDialog onClose={() => undefined} />,
      handlers((input) => (!input.search ? { rows: [anna, { ...anna, id: 9, name: 'Bert Filiale', organisationId: 70, organisationName: 'Müller Filiale' }], total: 640 } : { rows: [anna], total: 1 })),
    );
    const dialog = screen.getByRole('dialog', { name: 'New ticket' });
    const contact = within(dialog).getByRole('combobox', { name: 'Contact person' }) as HTMLInputElement;
    expect(contact.disabled).toBe(true);
    await pick(user, dialog, 'Project', 'web', /^Website/);
    expect(contact.disabled).toBe(false);
    await user.click(contact);
    const list = within(dialog).getByRole('listbox', { name: 'Contact person' });
    expect(await within(list).findByRole('option', { name: 'Anna Müller · Bäckerei Müller GmbH' })).toBeTruthy();
    expect(within(list).getByText('2 of 640 shown: type to search for the others.')).toBeTruthy();
    await user.type(contact, 'anna');
    await waitFor(() => expect(fake.callsTo('tickets:contact-options')).toContainEqual({ projectId: 3, search: 'anna', limit: 20 }));
    await user.click(await within(list).findByRole('option', { name: /Anna Müller/ }));
    expect(contact.value).toBe('Anna Müller');
  });

  it("shows the core's refusal of another customer's person next to the contact, in the user's language, and keeps what was typed", async () => {
    const user = userEvent.setup();
    const otto = { id: 12, name: 'Otto Anders', organisationId: 70, organisationName: 'Globex' };
    const saved: unknown[] = [];
    renderWithApp(
      <TicketFormDialog onClose={(s) => saved.push(s)} />,
      {
        ...handlers(() => ({ rows: [otto], total: 1 })),
        'tickets:create': () => {
          throw new AppError('VALIDATION', 'Person 12 is no person of Bäckerei Müller GmbH.', { fields: { contactPersonId: { code: 'contact_of_other_customer' } } });
        },
      },
      { language: 'de' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Neues Ticket' });
    await user.type(within(dialog).getByLabelText('Titel'), 'Kasse defekt');
    await pick(user, dialog, 'Projekt', '', /^Website/);
    await pick(user, dialog, 'Vorgang', '', 'Build');
    await pick(user, dialog, 'Ansprechpartner', 'otto', /Otto Anders/);
    await user.click(within(dialog).getByRole('button', { name: 'Ticket anlegen' }));
    const contact = within(dialog).getByRole('combobox', { name: 'Ansprechpartner' });
    await waitFor(() => expect(contact.getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(contact.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '');
    expect(error?.textContent).toBe('Diese Person gehört zu einem anderen Kunden als das Projekt des Tickets: Wählen Sie eine Person der Organisation des Projekts.');
    expect((contact as HTMLInputElement).value).toBe('Otto Anders');
    expect((within(dialog).getByLabelText('Titel') as HTMLInputElement).value).toBe('Kasse defekt');
    expect(saved).toEqual([]);
  });
});

describe('the ticket list', () => {
  it('reads the project filter from the address, and writes it back', () => {
    expect(parseHash('#/tickets?project=12')).toEqual({ name: 'tickets', projectId: 12 });
    expect(parseHash('#/tickets?project=x')).toEqual({ name: 'tickets' });
    expect(parseHash('#/tickets/40')).toEqual({ name: 'ticket', id: 40 });
    expect(parseHash('#/tickets/new')).toEqual({ name: 'organisations' });
    expect(hrefOf({ name: 'tickets', projectId: 12 })).toBe('#/tickets?project=12');
    expect(hrefOf({ name: 'ticket', id: 40 })).toBe('#/tickets/40');
  });

  it('sends only the filters chosen, with "nobody" as a null assignee', () => {
    expect(toListQuery(NO_FILTERS, 50)).toEqual({ search: '', sort: 'updated', direction: 'desc', offset: 0, limit: 50 });
    expect(toListQuery({ ...NO_FILTERS, projectId: 3, status: ['new', 'done'], assigneeId: 'none', categoryId: 2 }, 50)).toEqual({
      search: '',
      projectId: 3,
      status: ['new', 'done'],
      assigneeId: null,
      categoryId: 2,
      sort: 'updated',
      direction: 'desc',
      offset: 0,
      limit: 50,
    });
  });

  it('keeps a selection that bulk actions read, across pages', () => {
    const selection = useTicketSelection.getState();
    selection.setMany([1, 2, 3], true);
    useTicketSelection.getState().toggle(2, false);
    useTicketSelection.getState().setMany([4], true);
    expect([...useTicketSelection.getState().ids].sort()).toEqual([1, 3, 4]);
    useTicketSelection.getState().clear();
    expect(useTicketSelection.getState().ids.size).toBe(0);
  });
});
